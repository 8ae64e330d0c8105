using System.Globalization;
using OpenChronic.Domain.Pathways;

namespace OpenChronic.Ingestion.Database;

/// <summary>
/// Writes the Open Chronic database: one Parquet file per table of <see cref="DatabaseTables"/> plus
/// <c>schema.md</c>, streaming patient after patient. Patients are identified by their pseudonym only.
/// </summary>
public sealed class DatabaseWriter : IDisposable
{
    private const int IdLength = 32;
    private readonly Dictionary<string, RowBuffer> _tables;

    public DatabaseWriter(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        System.IO.Directory.CreateDirectory(directory);
        Directory = directory;
        _tables = DatabaseTables.All.ToDictionary(
            t => t.Table,
            t => new RowBuffer(Path.Combine(directory, t.Table + ".parquet"), DatabaseTables.SchemaOf(t.Table)),
            StringComparer.Ordinal);
        File.WriteAllText(Path.Combine(directory, "schema.md"), DatabaseTables.Markdown());
    }

    public string Directory { get; }

    /// <summary>Rows written per table so far.</summary>
    public IReadOnlyDictionary<string, long> Rows => _tables.ToDictionary(t => t.Key, t => t.Value.RowsWritten, StringComparer.Ordinal);

    public void AppendPatient(Guid patient, int sex, int birthYear, int? birthMonth, string departement, string commune, DateOnly? death, long events, string? declaredGp = null)
    {
        var t = _tables["patients"];
        AppendId(t, patient);
        t.Int32(1).Append(sex);
        t.Int32(2).Append(birthYear);
        t.Int32(3, birthMonth is > 0 ? birthMonth : null);
        t.Text(4).Append(departement);
        t.Text(5).Append(commune);
        t.Date(6, death);
        t.Int64(7).Append(events);
        if (string.IsNullOrEmpty(declaredGp))
        {
            t.Text(8).AppendNull();
        }
        else
        {
            t.Text(8).Append(declaredGp);
        }

        t.EndRow();
    }

    public void AppendEvents(Guid patient, ReadOnlySpan<CareEvent> events)
    {
        var t = _tables["events"];
        Span<byte> id = stackalloc byte[IdLength];
        Id(patient, id);
        Span<byte> code = stackalloc byte[PackedCode.MaxUtf8Length];
        foreach (ref readonly var e in events)
        {
            // Codes and names as UTF-8 bytes: no string per cell.
            t.Text(0).Append(id);
            t.Date(1).Append(e.Date);
            t.Date(2, PathwayDeriver.IsOpenEnd(e.EndDay) ? null : e.EndDate);
            t.Text(3).Append(KindUtf8(e.Kind));
            t.Text(4).Append(code[..PackedCode.Unpack(e.Code, code)]);
            t.Text(5).Append(code[..PackedCode.Unpack(e.Detail, code)]);
            t.Int32(6).Append(e.Specialty);
            t.Double(7).Append(e.Value);
            t.Boolean(8).Append((e.Traits & CareEventTraits.Hospital) != 0);
            t.Boolean(9).Append((e.Traits & CareEventTraits.LargePack) != 0);
            t.Boolean(10).Append((e.Traits & CareEventTraits.AldRelated) != 0);
            if ((e.Traits & CareEventTraits.Principal) != 0)
            {
                t.Text(11).Append("DP"u8);
            }
            else if ((e.Traits & CareEventTraits.Related) != 0)
            {
                t.Text(11).Append("DR"u8);
            }
            else if ((e.Traits & CareEventTraits.Associated) != 0)
            {
                t.Text(11).Append("DAS"u8);
            }
            else
            {
                t.Text(11).AppendNull();
            }

            t.EndRow();
        }
    }

    public void AppendCondition(Guid patient, int year, string condition, ConditionEvidence evidence)
    {
        var t = _tables["conditions"];
        AppendId(t, patient);
        t.Int32(1).Append(year);
        t.Text(2).Append(condition);
        t.Boolean(3).Append((evidence & ConditionEvidence.Ald) != 0);
        t.Boolean(4).Append((evidence & ConditionEvidence.Hospital) != 0);
        t.Boolean(5).Append((evidence & ConditionEvidence.Drugs) != 0);
        t.Boolean(6).Append((evidence & ConditionEvidence.Acts) != 0);
        t.EndRow();
    }

    public void AppendAldEpisode(Guid patient, int aldNumber, string icd10, DateOnly start, DateOnly? end)
    {
        var t = _tables["ald_episodes"];
        AppendId(t, patient);
        t.Int32(1).Append(aldNumber);
        t.Text(2).Append(icd10);
        t.Date(3).Append(start);
        t.Date(4, end);
        t.EndRow();
    }

    public void AppendTreatmentLine(Guid patient, string condition, int line, string regimen, DateOnly start, DateOnly end)
    {
        var t = _tables["treatment_lines"];
        AppendId(t, patient);
        t.Text(1).Append(condition);
        t.Int32(2).Append(line);
        t.Text(3).Append(regimen);
        t.Date(4).Append(start);
        t.Date(5).Append(end);
        t.EndRow();
    }

    public void AppendStay(Guid patient, DateOnly admission, DateOnly discharge, int stays, int? daysToGp, int? daysToSpecialist, int? daysToReadmission)
    {
        var t = _tables["stays"];
        AppendId(t, patient);
        t.Date(1).Append(admission);
        t.Date(2).Append(discharge);
        t.Int32(3).Append(stays);
        t.Int32(4, daysToGp);
        t.Int32(5, daysToSpecialist);
        t.Int32(6, daysToReadmission);
        t.EndRow();
    }

    /// <summary>Writes <c>database.json</c> (years derived, rows per table); call once every row is appended.</summary>
    public DatabaseManifest WriteManifest(IReadOnlyList<int> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        var rows = Rows;
        var manifest = new DatabaseManifest(DatabaseManifest.CurrentFormat, [.. years], rows["patients"], rows);
        manifest.Write(Directory);
        return manifest;
    }

    public void Dispose()
    {
        foreach (var table in _tables.Values)
        {
            table.Dispose();
        }
    }

    /// <summary>The name of an event kind in the events table.</summary>
    public static string KindName(CareEventKind kind) => kind switch
    {
        CareEventKind.Dispensation => "dispensation",
        CareEventKind.Consultation => "consultation",
        CareEventKind.Act => "act",
        CareEventKind.Biology => "biology",
        CareEventKind.HospitalStay => "hospital_stay",
        CareEventKind.Diagnosis => "diagnosis",
        CareEventKind.AldRegistration => "ald_registration",
        CareEventKind.Death => "death",
        _ => ((int)kind).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The name of an event kind as UTF-8 bytes (<see cref="KindName"/>).</summary>
    private static ReadOnlySpan<byte> KindUtf8(CareEventKind kind) => kind switch
    {
        CareEventKind.Dispensation => "dispensation"u8,
        CareEventKind.Consultation => "consultation"u8,
        CareEventKind.Act => "act"u8,
        CareEventKind.Biology => "biology"u8,
        CareEventKind.HospitalStay => "hospital_stay"u8,
        CareEventKind.Diagnosis => "diagnosis"u8,
        CareEventKind.AldRegistration => "ald_registration"u8,
        CareEventKind.Death => "death"u8,
        _ => System.Text.Encoding.UTF8.GetBytes(KindName(kind)),
    };

    // The patient column: the key as 32 hexadecimal digits (Guid format "N"), written as UTF-8 bytes.
    private static void Id(Guid patient, Span<byte> utf8)
    {
        if (!patient.TryFormat(utf8, out var written, "N") || written != IdLength)
        {
            throw new InvalidOperationException("A patient key did not format as 32 hexadecimal digits.");
        }
    }

    private static void AppendId(RowBuffer table, Guid patient)
    {
        Span<byte> id = stackalloc byte[IdLength];
        Id(patient, id);
        table.Text(0).Append(id);
    }
}
