using OpenChronic.Domain.Pathways;
using OpenChronic.Domain.Releases.EventLevel;

namespace OpenChronic.Domain.Tests.Releases.EventLevel;

public sealed class EventReleaseBuilderTests
{
    private static readonly byte[] s_secret = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
    private static readonly int s_base = new DateOnly(2020, 1, 1).DayNumber;

    private static CareEvent Drug(int day, string atc, string cip) =>
        new(s_base + day, s_base + day, CareEventKind.Dispensation, CareEventTraits.None, 0, PackedCode.Pack(atc), PackedCode.Pack(cip), 1);

    private static CareEvent Ald(int day, int number) =>
        new(s_base + day, s_base + day + 1000, CareEventKind.AldRegistration, CareEventTraits.None, 0, PackedCode.Pack("E11"), 0, number);

    private static CareEvent Visit(int day, short specialty, string professional) =>
        new(s_base + day, s_base + day, CareEventKind.Consultation, CareEventTraits.None, specialty, PackedCode.Pack("C"), PackedCode.Pack(professional), 1);

    private static PathwayPerson Diabetic(int i) =>
        new($"key{i}", 1 + (i % 2), 1960, "75", [Drug(-40, "A10BA02", "3400930000001"), Ald(0, 8), Drug(10, "A10BA02", "3400930000001"), Visit(20, 1, "12345678")]);

    private static EventReleasePolicy Small => new() { K = 2, M = 2, SequenceLength = 2, MaxSuppressedPersons = 0.5 };

    [Fact]
    public void Build_HandMadePatients_GeneralizesCodesDatesAndIdentifiers()
    {
        var persons = Enumerable.Range(0, 6).Select(Diabetic).ToList();

        var release = EventReleaseBuilder.Build(persons, Small, s_secret);

        Assert.Null(release.Refusal);
        Assert.Equal(6, release.Persons.Length);
        Assert.All(release.Persons, p => Assert.DoesNotContain(persons, q => q.Key == p.Person));
        Assert.All(release.Persons, p => Assert.Equal("60-69", p.AgeBand));
        Assert.All(release.Persons, p => Assert.Equal("ald_entry", p.Reference));
        var codes = release.Events.Select(e => e.Code + "@" + e.Period).ToHashSet();
        Assert.Contains("atc:A10BA@q-1", codes);
        Assert.Contains("atc:A10BA@q0", codes);
        Assert.Contains("ald:8@q0", codes);
        Assert.Contains("spe:1@q0", codes);
        Assert.DoesNotContain(release.Events, e => e.Code.Contains("3400930000001", StringComparison.Ordinal) || e.Code.Contains("12345678", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_SameSecret_SamePseudonymsOtherSecretOthers()
    {
        var persons = Enumerable.Range(0, 4).Select(Diabetic).ToList();
        byte[] other = [.. s_secret.Select(b => (byte)(b + 1))];

        var a = EventReleaseBuilder.Build(persons, Small, s_secret).Persons.Select(p => p.Person).ToList();
        var b = EventReleaseBuilder.Build(persons, Small, s_secret).Persons.Select(p => p.Person).ToList();
        var c = EventReleaseBuilder.Build(persons, Small, other).Persons.Select(p => p.Person).ToList();

        Assert.Equal(a, b);
        Assert.Empty(a.Intersect(c));
    }

    [Fact]
    public void Build_RareEvent_IsGeneralizedOrSuppressed()
    {
        var persons = Enumerable.Range(0, 6).Select(Diabetic).ToList();
        persons[0] = persons[0] with { Events = [.. persons[0].Events, Drug(30, "C09AA05", "3400930000002")] };

        var release = EventReleaseBuilder.Build(persons, Small, s_secret);

        Assert.DoesNotContain(release.Events, e => e.Code.StartsWith("atc:C09", StringComparison.Ordinal));
        Assert.Empty(Check(release, Small));
    }

    [Fact]
    public void Build_UniqueQuasiIdentifiersOverLimit_IsRefused()
    {
        var persons = Enumerable.Range(0, 6).Select(i => Diabetic(i) with { BirthYear = 1900 + (i * 15) }).ToList();

        var release = EventReleaseBuilder.Build(persons, Small with { MaxSuppressedPersons = 0 }, s_secret);

        Assert.NotNull(release.Refusal);
        Assert.Empty(release.Persons);
        Assert.Empty(release.Events);
    }

    [Fact]
    public void Build_SequenceLongerThanM_IsRefused()
    {
        var release = EventReleaseBuilder.Build([Diabetic(0)], Small with { SequenceLength = 3 }, s_secret);

        Assert.Contains("sequence length", release.Refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 2, 2)]
    [InlineData(2, 5, 2)]
    [InlineData(3, 3, 3)]
    [InlineData(4, 4, 1)]
    public void Build_RandomPathways_PassTheIndependentCheck(int seed, int k, int m)
    {
        var random = new Random(seed);
        string[] atc = ["A10BA02", "A10BB09", "C09AA05", "C10AA01", "N02BE01", "B01AC06", "R03AC02"];
        var persons = Enumerable.Range(0, 150).Select(i => new PathwayPerson($"p{i}", 1 + random.Next(2), 1940 + random.Next(40), random.Next(3) == 0 ? "13" : "75",
            [.. Enumerable.Range(0, random.Next(1, 12)).Select(_ => Drug(random.Next(-200, 700), atc[random.Next(atc.Length)], "3400930000001"))
                .Append(Ald(random.Next(0, 30), 8)).Order()])).ToList();
        var policy = new EventReleasePolicy { K = k, M = m, SequenceLength = m, MaxSuppressedPersons = 1, MaxSuppressedEvents = 1, AgeBandYears = 20 };

        var release = EventReleaseBuilder.Build(persons, policy, s_secret);

        Assert.Null(release.Refusal);
        Assert.NotEmpty(release.Events);
        Assert.Empty(Check(release, policy));
    }

    [Fact]
    public void Check_UniqueCombination_IsReported()
    {
        string[][] persons = [["a", "60-69", "M", "75", "ald_entry"], ["b", "60-69", "M", "75", "ald_entry"]];
        string[][] events = [["a", "dispensation", "atc:A10BA", "q0"], ["b", "dispensation", "atc:A10BA", "q0"], ["a", "dispensation", "atc:C09AA", "q1"]];
        var problems = new List<string>();

        var achieved = EventReleaseVerifier.Check(persons, events, new EventReleasePolicy { K = 2 }, problems);

        Assert.Equal(1, achieved.KmSupport);
        Assert.Equal(1, achieved.SequenceSupport);
        Assert.Equal(2, problems.Count);
    }

    private static List<string> Check(EventRelease release, EventReleasePolicy policy)
    {
        var problems = new List<string>();
        EventReleaseVerifier.Check([.. EventReleaseRows.PersonRows(release.Persons).Select(r => r.ToArray())],
            [.. EventReleaseRows.EventRows(release.Events).Select(r => r.ToArray())], policy, problems);
        return problems;
    }
}
