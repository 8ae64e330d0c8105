using System.Collections.Immutable;
using OpenChronic.Domain.Pathways;

namespace OpenChronic.Domain.Tests.Pathways;

public sealed class TreatmentLineBuilderTests
{
    private static readonly ImmutableArray<string> s_a10 = ["A10"];
    private static readonly DateOnly s_day0 = new(2020, 1, 1);

    private static (string, DateOnly, double, bool) D(string atc, int day, double boxes = 1, bool large = false) =>
        (atc, s_day0.AddDays(day), boxes, large);

    [Fact]
    public void Eras_MonthlyDispensationsWithinTheGap_FormOneEra()
    {
        var eras = TreatmentLineBuilder.Eras([D("A10BA02", 0), D("A10BA02", 40), D("A10BA02", 85)], s_a10);
        Assert.Equal([new DrugEra("A10BA", s_day0, s_day0.AddDays(114))], eras);
    }

    [Fact]
    public void Eras_GapLongerThanAllowed_StartsANewEra()
    {
        // covered to day 29; next at day 61 leaves 31 uncovered days > 30
        var eras = TreatmentLineBuilder.Eras([D("A10BA02", 0), D("A10BA02", 61)], s_a10);
        Assert.Equal(2, eras.Length);
        Assert.Equal(s_day0.AddDays(61), eras[1].Start);
    }

    [Fact]
    public void Eras_LargePackCoversNinetyDays_AndRegularisationCancels()
    {
        var eras = TreatmentLineBuilder.Eras([D("A10BA02", 0, 1, large: true), D("A10BB09", 10, 1), D("A10BB09", 10, -1), D("C10AA05", 0)], s_a10);
        Assert.Equal([new DrugEra("A10BA", s_day0, s_day0.AddDays(89))], eras);
    }

    [Fact]
    public void Lines_SwitchWithShortOverlap_IsTwoSingleLines()
    {
        var eras = ImmutableArray.Create(
            new DrugEra("A10BA", s_day0, s_day0.AddDays(100)),
            new DrugEra("A10BB", s_day0.AddDays(90), s_day0.AddDays(200)));
        var lines = TreatmentLineBuilder.Lines(eras);
        Assert.Equal(
            [new TreatmentLine(1, "A10BA", s_day0, s_day0.AddDays(100)), new TreatmentLine(2, "A10BB", s_day0.AddDays(101), s_day0.AddDays(200))],
            lines);
    }

    [Fact]
    public void Lines_LongOverlap_IsACombinationLine()
    {
        var eras = ImmutableArray.Create(
            new DrugEra("A10BA", s_day0, s_day0.AddDays(300)),
            new DrugEra("A10BH", s_day0.AddDays(100), s_day0.AddDays(300)));
        var lines = TreatmentLineBuilder.Lines(eras);
        Assert.Equal(["A10BA", "A10BA+A10BH"], lines.Select(l => l.Regimen));
        Assert.Equal(s_day0.AddDays(100), lines[1].Start);
        Assert.Equal(2, lines[1].Number);
    }

    [Fact]
    public void Lines_NoEras_NoLines() => Assert.Empty(TreatmentLineBuilder.Lines([]));
}
