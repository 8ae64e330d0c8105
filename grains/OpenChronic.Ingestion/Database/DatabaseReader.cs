using System.Globalization;
using OpenChronic.Domain.Pathways;

namespace OpenChronic.Ingestion.Database;

/// <summary>
/// Reads a built Open Chronic database back patient by patient: the <c>patients</c> table joined with its
/// <c>events</c> (both are written in the same patient order), events decoded into <see cref="CareEvent"/>s exactly as
/// they were exported. The derived tables are not read: they are re-derived from the events.
/// </summary>
public sealed class DatabaseReader
{
    /// <summary>End day given to events whose end date is null (open ALD registrations), as ingestion does.</summary>
    public const int OpenEnd = int.MaxValue;

    private DatabaseReader(string directory, DatabaseManifest manifest)
    {
        Directory = directory;
        Manifest = manifest;
    }

    public string Directory { get; }

    public DatabaseManifest Manifest { get; }

    /// <summary>Opens <paramref name="directory"/> (reads and checks <c>database.json</c>).</summary>
    public static DatabaseReader Open(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!System.IO.Directory.Exists(directory))
        {
            throw new DatabaseFormatException(directory, "no such database folder.");
        }

        return new DatabaseReader(directory, DatabaseManifest.Read(directory));
    }

    /// <summary>Streams the patients with their events; a located <see cref="DatabaseFormatException"/> on bad content.</summary>
    public IEnumerable<DatabasePatient> ReadPatients()
    {
        using var patients = new DatabaseTableCursor(Directory, "patients");
        using var events = new DatabaseTableCursor(Directory, "events");
        var pending = events.Next();
        while (patients.Next())
        {
            var id = ParseId(patients, 0);
            var expected = patients.Int64(7) ?? throw patients.Error(7, "null value.");
            var list = new List<CareEvent>(checked((int)Math.Min(expected, 1_000_000)));
            while (pending && ParseId(events, 0) == id)
            {
                list.Add(ReadEvent(events));
                pending = events.Next();
            }

            if (list.Count != expected)
            {
                throw patients.Error(7, $"the patient has {expected} events but the events table holds {list.Count} in sequence for it (tables out of order or truncated).");
            }

            var death = patients.DayNumber(6);
            var declaredGp = patients.Text(8) ?? "";
            if (!Domain.Pathways.PackedCode.TryPack(declaredGp, out _))
            {
                throw patients.Error(8, "not a professional number of at most 8 printable characters.");
            }

            yield return new DatabasePatient(id, patients.Int32(1) ?? 0, patients.Int32(2) ?? 0, patients.Int32(3) ?? 0,
                patients.Text(4) ?? "", patients.Text(5) ?? "", death is { } d ? DateOnly.FromDayNumber(d) : null, [.. list], declaredGp);
        }

        if (pending)
        {
            throw events.Error(0, "event of a patient that is not in the patients table (or out of order).");
        }
    }

    private static Guid ParseId(DatabaseTableCursor cursor, int column) =>
        Guid.TryParseExact(cursor.RequiredText(column), "N", out var id) ? id : throw cursor.Error(column, "not a 32-hex-digit pseudonym.");

    private static CareEvent ReadEvent(DatabaseTableCursor e)
    {
        var day = e.DayNumber(1) ?? throw e.Error(1, "null date.");
        var end = e.DayNumber(2) ?? OpenEnd;
        var kind = ParseKind(e);
        var traits = CareEventTraits.None;
        traits |= e.Boolean(8) ? CareEventTraits.Hospital : 0;
        traits |= e.Boolean(9) ? CareEventTraits.LargePack : 0;
        traits |= e.Boolean(10) ? CareEventTraits.AldRelated : 0;
        traits |= e.Text(11) switch
        {
            null => CareEventTraits.None,
            "DP" => CareEventTraits.Principal,
            "DR" => CareEventTraits.Related,
            "DAS" => CareEventTraits.Associated,
            var other => throw e.Error(11, $"'{other}' is not DP, DR or DAS."),
        };
        var specialty = e.Int32(6) ?? 0;
        if (specialty is < short.MinValue or > short.MaxValue)
        {
            throw e.Error(6, $"specialty {specialty.ToString(CultureInfo.InvariantCulture)} out of range.");
        }

        return new CareEvent(day, end, kind, traits, (short)specialty, Code(e, 4), Code(e, 5), (float)(e.Double(7) ?? 0));
    }

    private static ulong Code(DatabaseTableCursor e, int column)
    {
        var text = e.Text(column) ?? "";
        return PackedCode.TryPack(text, out var packed) ? packed : throw e.Error(column, $"'{text}' is not a code Open Chronic can hold.");
    }

    private static CareEventKind ParseKind(DatabaseTableCursor e)
    {
        var name = e.RequiredText(3);
        foreach (var kind in Enum.GetValues<CareEventKind>())
        {
            if (DatabaseWriter.KindName(kind) == name)
            {
                return kind;
            }
        }

        throw e.Error(3, $"unknown event kind '{name}'.");
    }
}
