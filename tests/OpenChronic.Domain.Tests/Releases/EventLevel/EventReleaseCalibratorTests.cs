using OpenChronic.Domain.Pathways;
using OpenChronic.Domain.Privacy.Calibration;
using OpenChronic.Domain.Releases;
using OpenChronic.Domain.Releases.EventLevel;

namespace OpenChronic.Domain.Tests.Releases.EventLevel;

public sealed class EventReleaseCalibratorTests
{
    internal static readonly byte[] s_secret = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
    private static readonly int s_base = new DateOnly(2020, 1, 1).DayNumber;
    private static readonly string[] s_atc = ["A10BA02", "A10BB09", "C09AA05", "C10AA01", "N02BE01", "B01AC06", "R03AC02", "A02BC01"];
    private static readonly string[] s_departements = ["75", "92", "93", "13", "69"];

    private static CareEvent Drug(int day, string atc) =>
        new(s_base + day, s_base + day, CareEventKind.Dispensation, CareEventTraits.None, 0, PackedCode.Pack(atc), PackedCode.Pack("3400930000001"), 1);

    private static CareEvent Ald(int day, int number) =>
        new(s_base + day, s_base + day + 1000, CareEventKind.AldRegistration, CareEventTraits.None, 0, PackedCode.Pack("E11"), 0, number);

    internal static List<PathwayPerson> Persons(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i => new PathwayPerson($"p{i}", 1 + random.Next(2), 1945 + random.Next(30), s_departements[random.Next(s_departements.Length)],
            [.. Enumerable.Range(0, random.Next(1, 10)).Select(_ => Drug(random.Next(-200, 600), s_atc[random.Next(s_atc.Length)])).Append(Ald(random.Next(0, 30), 8)).Order()]))];
    }

    [Fact]
    public void Up_AtTheFloor_StaysSoTheItemIsSuppressedInstead()
    {
        var policy = new EventReleasePolicy { AtcFloor = 4, IcdFloor = "block", ActFloor = 1 };

        Assert.Equal("atc:A10B", EventCodes.Up("atc:A10BA", policy));
        Assert.Equal("atc:A10B", EventCodes.Up("atc:A10B", policy));
        Assert.Equal("icd:E10-E14", EventCodes.Up("icd:E11", policy));
        Assert.Equal("icd:E10-E14", EventCodes.Up("icd:E10-E14", policy));
        Assert.Equal("ccam:Y", EventCodes.Raise("ccam:YY", 3, policy));
        Assert.Equal("spe:1", EventCodes.Up("spe:1", policy));
        Assert.Equal("atc:*", EventCodes.Raise("atc:A10BA", 4, policy with { AtcFloor = 0 }));
    }

    [Fact]
    public void Build_WithFloors_NoReleasedCodeIsAboveItsFloor()
    {
        var policy = new EventReleasePolicy { K = 5, MaxSuppressedPersons = 0.5, MaxSuppressedEvents = 1, Territory = "region", AgeBandYears = 20 };

        var release = EventReleaseBuilder.Build(Persons(300, 3), policy, s_secret);

        Assert.Null(release.Refusal);
        Assert.NotEmpty(release.Events);
        Assert.All(release.Events.Where(e => e.Kind == "dispensation"), e => Assert.True(e.Code.Length >= "atc:".Length + 4, e.Code));
        Assert.All(release.Events, e => Assert.NotEqual("*", e.Period));
        Assert.InRange(release.ItemPrecision, 0.01, 1);
    }

    [Fact]
    public void Build_DepartementClassesTooSmall_FallsBackToRegion()
    {
        var policy = new EventReleasePolicy { K = 5, MaxSuppressedPersons = 0.05, MaxSuppressedEvents = 1, AgeBandYears = 20 };

        var release = EventReleaseBuilder.Build(Persons(120, 4), policy, s_secret);

        Assert.Null(release.Refusal);
        Assert.NotEqual("departement", release.Territory);
        Assert.All(release.Persons, p => Assert.True(p.Territory.StartsWith('R') || p.Territory == "FR", p.Territory));
    }

    [Fact]
    public void Calibrate_ChoosesTheLeastLossCandidateMeetingTheTarget()
    {
        var persons = Persons(400, 5);
        var target = new CalibrationTarget();
        var lattice = EventReleaseCalibrator.Lattice(EventReleasePolicy.Default with { MaxSuppressedEvents = 1, MaxSuppressedPersons = 0.2 }, target);

        var result = EventReleaseCalibrator.Calibrate(persons, lattice, target, s_secret, 200, seed: 1);

        Assert.NotNull(result.Release);
        Assert.Equal(lattice.Count, result.Candidates.Length);
        Assert.Null(EventReleaseCalibrator.Failure(result.Risks, target, 200));
        Assert.True(result.Release.Policy.K >= target.SmallestSafeClass);
        Assert.All(result.Candidates.Where(c => c.Verdict == "meets the target"), c => Assert.True(c.Loss >= result.Chosen!.Loss));
        var rows = EventReleaseCalibrator.Rows(result.Release);
        var problems = new List<string>();
        EventReleaseVerifier.Check(rows.Persons, rows.Events, result.Release.Policy, problems);
        Assert.Empty(problems);
    }

    [Fact]
    public void Calibrate_BuiltCandidates_LossNotUnderTheirBoundAndSkippedOnesSaySo()
    {
        var persons = Persons(300, 6);
        var target = new CalibrationTarget();
        var lattice = EventReleaseCalibrator.Lattice(EventReleasePolicy.Default, target);

        var result = EventReleaseCalibrator.Calibrate(persons, lattice, target, s_secret, 100, seed: 1);

        var built = result.Candidates.Where(c => c.Risks.Length > 0).ToList();
        Assert.NotEmpty(built);
        Assert.All(built, c => Assert.True(c.Loss >= EventReleaseCalibrator.LossBound(c.Policy, c.Territory, 1) - 1e-9, c.Policy.Name));
        Assert.Contains(result.Candidates, c => c.Verdict.StartsWith("not built: its territory falls back", StringComparison.Ordinal));
        Assert.All(lattice, p => Assert.Equal("local", p.Recoding));
        Assert.All(lattice, p => Assert.Equal(1, p.MaxSuppressedEvents));
    }

    [Fact]
    public void Build_LocalRecoding_VerifiesAndCountsSuppressionPerSystem()
    {
        var policy = new EventReleasePolicy { K = 5, MaxSuppressedPersons = 0.5, MaxSuppressedEvents = 1, Territory = "national", AgeBandYears = 40, TimeUnit = "year", UnitsBefore = 1, UnitsAfter = 2, Recoding = "local" };
        var global = EventReleaseBuilder.Build(Persons(300, 7), policy with { Recoding = "global" }, s_secret);

        var release = EventReleaseBuilder.Build(Persons(300, 7), policy, s_secret);

        Assert.Null(release.Refusal);
        Assert.Equal(release.SuppressedEvents, release.Systems.Sum(s => s.Suppressed));
        Assert.Equal(release.OriginalEvents, release.Systems.Sum(s => s.Items));
        Assert.True(release.SuppressedEvents <= global.SuppressedEvents, $"{release.SuppressedEvents} > {global.SuppressedEvents}");
        Assert.All(release.Events, e => Assert.Matches(@"^y(2:|4:)?-?\d+$", e.Period));
        var rows = EventReleaseCalibrator.Rows(release);
        var problems = new List<string>();
        EventReleaseVerifier.Check(rows.Persons, rows.Events, policy, problems);
        Assert.Empty(problems);
    }

    [Fact]
    public void Period_SemesterAndYearUnits_LabelsAndSpansAgree()
    {
        var semester = new EventReleasePolicy { TimeUnit = "semester" };
        var year = new EventReleasePolicy { TimeUnit = "year" };

        Assert.Equal(["s-1", "y-1", "y2:-1"], [EventCodes.Period(-1, 1, semester), EventCodes.Period(-1, 2, semester), EventCodes.Period(-1, 3, semester)]);
        Assert.Equal(["y3", "y2:1", "y4:0"], [EventCodes.Period(3, 1, year), EventCodes.Period(3, 2, year), EventCodes.Period(3, 3, year)]);
        Assert.Equal((2L, 4L), new PeriodSpans("year").Span("atc:A10B@y2:1"));
        Assert.Equal((4L, 8L), new PeriodSpans("semester").Span("atc:A10B@y2:1"));
        Assert.True(new PeriodSpans("year").Before("a@y0", "b@y2:1"));
        Assert.True(EventLoss.PeriodPrecision("y0", "year") > EventLoss.PeriodPrecision("y2:0", "year"));
        Assert.Equal(365, year.UnitDays);
        Assert.Null(year.Validate());
    }

    [Fact]
    public void CheckTables_PublishedCountUnderEleven_IsReported()
    {
        var path = Path.Combine(Path.GetTempPath(), "oc-tables-" + Guid.NewGuid().ToString("N") + ".csv");
        try
        {
            File.WriteAllText(path, "territory,table,column,persons\n75,stay,yes,12\n92,stay,no,\n93,stay,yes,5\n");
            var problems = new List<string>();

            EventReleaseVerifier.CheckTables(path, new EventReleasePolicy(), problems);

            var problem = Assert.Single(problems);
            Assert.Contains("row 4", problem, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Failure_SingledOutOrSmallClass_IsReported()
    {
        var target = new CalibrationTarget();
        MeasuredRisk[] safe =
        [
            new("prosecutor_qi_max", 0.05, ""), new("prosecutor_qi_mean", 0.01, ""), new("m_event_qi_attack_max", 0.08, ""),
            new("m_event_qi_attack_singled_out", 0, ""), new("m_event_attack_singled_out", 0, ""),
        ];

        Assert.Null(EventReleaseCalibrator.Failure(safe, target, 1000));
        Assert.NotNull(EventReleaseCalibrator.Failure([.. safe.Select(r => r.Name == "prosecutor_qi_max" ? r with { Value = 0.2 } : r)], target, 1000));
        Assert.NotNull(EventReleaseCalibrator.Failure([.. safe.Select(r => r.Name == "m_event_qi_attack_singled_out" ? r with { Value = 0.05 } : r)], target, 1000));
        Assert.NotNull(EventReleaseCalibrator.Failure(safe[..2], target, 1000));
    }

    [Fact]
    public void Precision_CoarserItems_KeepLess()
    {
        var policy = new EventReleasePolicy { TimeUnit = "month" };

        Assert.Equal(1, EventLoss.Precision("atc:A10BA@m3", policy));
        Assert.True(EventLoss.Precision("atc:A10B@m3", policy) > EventLoss.Precision("atc:A10B@q1", policy));
        Assert.Equal(0, EventLoss.Precision("atc:*@m3", policy));
        Assert.Equal(0, EventLoss.Precision("icd:E11@*", policy));
        Assert.True(EventLoss.QuasiIdentifierPrecision("departement", 10) > EventLoss.QuasiIdentifierPrecision("region", 10));
    }
}
