using OpenChronic.Domain.Pathways;
using OpenChronic.Ingestion.Database;
using OpenChronic.Ingestion.Tests.Tables;

namespace OpenChronic.Ingestion.Tests.Database;

public sealed class DatabaseReaderTests : IDisposable
{
    private static readonly Guid s_first = Guid.Parse("0123456789abcdef0123456789abcdef");
    private static readonly Guid s_second = Guid.Parse("fedcba9876543210fedcba9876543210");
    private readonly TempDirectory _dir = new();

    private static CareEvent[] FirstEvents =>
    [
        new(Day(2019, 1, 5), Day(2019, 1, 5), CareEventKind.Dispensation, CareEventTraits.LargePack | CareEventTraits.AldRelated, 0,
            PackedCode.Pack("A10BA02"), PackedCode.Pack("3400930000001"), 3),
        new(Day(2019, 2, 1), Day(2019, 2, 1), CareEventKind.Dispensation, CareEventTraits.None, 0,
            PackedCode.Pack("A10BA02"), PackedCode.Pack("3400930000001"), -1),
        new(Day(2019, 3, 1), Day(2019, 3, 4), CareEventKind.HospitalStay, CareEventTraits.Hospital, 0,
            PackedCode.Pack("05M092"), PackedCode.Pack("750000001"), 0),
        new(Day(2019, 3, 1), Day(2019, 3, 4), CareEventKind.Diagnosis, CareEventTraits.Hospital | CareEventTraits.Related, 0,
            PackedCode.Pack("I500"), PackedCode.Pack("750000001"), 0),
        new(Day(2019, 4, 1), DatabaseReader.OpenEnd, CareEventKind.AldRegistration, CareEventTraits.None, 0,
            PackedCode.Pack("E11"), 0, 8),
        new(Day(2019, 5, 1), Day(2019, 5, 1), CareEventKind.Consultation, CareEventTraits.None, 1,
            PackedCode.Pack("1111"), PackedCode.Pack("12345678"), 1),
    ];

    [Fact]
    public void ReadPatients_WrittenDatabase_GivesBackEveryEventExactly()
    {
        Write(includeSecondEvents: true);

        var patients = DatabaseReader.Open(_dir.Path).ReadPatients().ToList();

        Assert.Equal([s_first, s_second], patients.Select(p => p.Id));
        Assert.Equal(FirstEvents, patients[0].Events);
        Assert.Equal((2, 1950, 0, "075", "056"), (patients[0].Sex, patients[0].BirthYear, patients[0].BirthMonth, patients[0].Departement, patients[0].Commune));
        Assert.Null(patients[0].Death);
        Assert.Equal(new DateOnly(2020, 6, 30), patients[1].Death);
        Assert.Single(patients[1].Events);
        Assert.Equal([2019, 2020], DatabaseReader.Open(_dir.Path).Manifest.Years);
    }

    [Fact]
    public void Open_NoManifest_SaysItIsNotADatabase()
    {
        var e = Assert.Throws<DatabaseFormatException>(() => DatabaseReader.Open(_dir.Path));
        Assert.Contains("database.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadPatients_EventsMissingForAPatient_IsALocatedError()
    {
        Write(includeSecondEvents: false);

        var e = Assert.Throws<DatabaseFormatException>(() => DatabaseReader.Open(_dir.Path).ReadPatients().ToList());
        Assert.Contains("patients.parquet: row 2, column 'events'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadPatients_TruncatedEventsFile_IsAnErrorNamingTheFile()
    {
        Write(includeSecondEvents: true);
        var events = _dir.File("events.parquet");
        var bytes = File.ReadAllBytes(events);
        File.WriteAllBytes(events, bytes[..(bytes.Length / 2)]);

        var e = Assert.Throws<DatabaseFormatException>(() => DatabaseReader.Open(_dir.Path).ReadPatients().ToList());
        Assert.Contains("events.parquet", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(99, "format version 99, written by a later Open Chronic")]
    [InlineData(1, "format version 1, written by an earlier Open Chronic")]
    public void ReadPatients_OtherManifestVersion_IsRefusedWithTheReason(int version, string expected)
    {
        Write(includeSecondEvents: true);
        File.WriteAllText(_dir.File("database.json"), $$$"""{"format_version": {{{version}}}, "years": [2019], "patients": 2, "rows": {}}""");

        var e = Assert.Throws<DatabaseFormatException>(() => DatabaseReader.Open(_dir.Path));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Equal(version < DatabaseManifest.CurrentFormat, e.Message.Contains("openchronic build", StringComparison.Ordinal));
    }

    public void Dispose() => _dir.Dispose();

    private static int Day(int year, int month, int day) => new DateOnly(year, month, day).DayNumber;

    private void Write(bool includeSecondEvents)
    {
        using var writer = new DatabaseWriter(_dir.Path);
        writer.AppendPatient(s_first, 2, 1950, null, "075", "056", null, FirstEvents.Length);
        writer.AppendEvents(s_first, FirstEvents);
        writer.AppendPatient(s_second, 1, 1940, 3, "013", "055", new DateOnly(2020, 6, 30), 1);
        if (includeSecondEvents)
        {
            writer.AppendEvents(s_second, [new(Day(2020, 6, 30), Day(2020, 6, 30), CareEventKind.Death, CareEventTraits.None, 0, PackedCode.Pack("I21"), 0, 0)]);
        }

        writer.WriteManifest([2019, 2020]);
    }
}
