using OpenChronic.Analytics.Variability;
using OpenChronic.Analytics.Variability.Indicators;
using OpenChronic.Analytics.Variability.Plots;

namespace OpenChronic.Analytics.Tests.Variability;

public sealed class VariabilityAnalysisTests
{
    // Stratum 0: A 10 (5), B 30 (6), C 5 (1); stratum 1: A 20 (2), B 10 (4); stratum 2: 4 (1) with no unit. r0 = 12/45, r1 = 6/30 = 0.2.
    // E_A = 10·12/45 + 20·0.2 = 6.6667, O_A = 7 → 1.05; E_B = 8 + 2 = 10, O_B = 10 → 1.0; C (5 persons) is pooled.
    private static readonly UnitStratumCount[] s_cells =
    [
        new("A", 0, 10, 5, 10, 5), new("A", 1, 20, 2, 20, 2),
        new("B", 0, 30, 6, 30, 6), new("B", 1, 10, 4, 10, 4),
        new("C", 0, 5, 1, 5, 1), new("", 2, 4, 1, 4, 1),
    ];

    [Fact]
    public void Analyse_StandardisesIndirectly_PoolsSmallUnits_AndSummarises()
    {
        var r = VariabilityAnalysis.Analyse(s_cells, 11);
        Assert.Equal(["A", "B"], r.Units.Select(u => u.Unit));
        var a = r.Units[0];
        Assert.Equal(7, a.Ratio.Observed);
        Assert.Equal(20.0 / 3, a.Ratio.Expected, 10);
        Assert.Equal(1.05, a.Ratio.Ratio, 10);
        Assert.Equal(1.0, r.Units[1].Ratio.Ratio, 10);
        Assert.Equal(new PooledUnits(1, 5, 1, 5, r.Pooled.Ratio), r.Pooled);
        Assert.Equal(0.75, r.Pooled.Ratio.Ratio, 10);
        Assert.Equal((4, 4), (r.UnattributedPersons, r.UnattributedDenominator));

        // Crude 19/79 (the unattributed patients count in the reference); standardised rates 1.05·θ and θ: EQ 1.05, CV = 0.05/√2/1.025.
        Assert.Equal(19.0 / 79, r.CrudeRate, 12);
        Assert.Equal(1.05, r.ExtremalQuotient, 10);
        Assert.Equal(0.05 / Math.Sqrt(2) / 1.025, r.CoefficientOfVariation, 10);
        Assert.Equal(FunnelPosition.Within, a.ExactFlag);
        Assert.NotNull(r.Multilevel);
    }

    [Fact]
    public void Analyse_FlagsAFarUnit_AgainstExactAndAdjustedLimits()
    {
        // Thirty units of 200 persons at rates 0.48–0.52 and one at 0.1: the low one is beyond 99.8 % either way; the binomial
        // spread of the others is below Poisson dispersion, so φ < 1 and τ² = 0.
        var cells = Enumerable.Range(0, 30).Select(i => new UnitStratumCount($"U{i:D2}", 0, 200, 100 + ((i % 3) - 1) * 4, 200, 100))
            .Append(new UnitStratumCount("LOW", 0, 200, 20, 200, 20)).ToArray();
        var r = VariabilityAnalysis.Analyse(cells, 11);
        var low = r.Units.Single(u => u.Unit == "LOW");
        Assert.Equal(FunnelPosition.Low998, low.ExactFlag);
        Assert.Equal(FunnelPosition.Low998, low.AdjustedFlag);
        Assert.All(r.Units.Where(u => u.Unit != "LOW"), u => Assert.Equal(FunnelPosition.Within, u.AdjustedFlag));
        Assert.Equal(0, r.Tau2);
    }

    [Fact]
    public void Release_HidesSmallNumerators_WithComplementaryCells_AndLabelsUnits()
    {
        // Unit A: 5 of 30 persons with the outcome (< 11): hidden, and another row's outcome cell hides with it.
        var cells = new UnitStratumCount[] { new("A", 0, 30, 5, 30, 5), new("B", 0, 40, 20, 40, 20), new("C", 0, 50, 25, 50, 25) };
        var report = VariabilityAnalysis.Analyse(cells, 11);
        var released = VariabilityRelease.Apply(report, 11, u => "unit-" + u);
        Assert.Equal(["unit-A", "unit-B", "unit-C"], released.Select(u => u.Unit));
        var a = released[0];
        Assert.Equal("suppressed", a.Status);
        Assert.Null(a.Observed);
        Assert.Null(a.Ratio);
        Assert.Contains(released.Skip(1), u => u.Status == "complementary" && u.Observed is null);
        Assert.Contains(released, u => u.Status == "published" && u.Observed is not null && u.Persons is not null);
    }

    [Fact]
    public void Release_PoolsSmallUnitsIntoOneRow()
    {
        var cells = new UnitStratumCount[] { new("A", 0, 30, 15, 30, 15), new("B", 0, 40, 20, 40, 20) }
            .Concat(Enumerable.Range(1, 4).Select(i => new UnitStratumCount($"S{i}", 0, 8, 4, 8, 4))).ToArray();
        var released = VariabilityRelease.Apply(VariabilityAnalysis.Analyse(cells, 11), 11, u => u);
        var pooled = released[^1];
        Assert.StartsWith("(pooled: 4 units", pooled.Unit, StringComparison.Ordinal);
        Assert.Equal(("published", 32L, 16L), (pooled.Status, pooled.Persons, pooled.Observed));
        Assert.Equal(3, released.Length);
    }

    [Fact]
    public void FunnelPlot_IsSelfContainedSvg_WithOnePointPerUnit_AndEscapedText()
    {
        var svg = FunnelPlotSvg.Render("A < B & C", [new("x<1>", 10, 1.2, FunnelPosition.Within), new("y", 40, 0.5, FunnelPosition.Low998)], 0.01);
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", svg, StringComparison.Ordinal);
        Assert.Equal(2, svg.Split("<circle").Length - 1);
        Assert.Contains("A &lt; B &amp; C", svg, StringComparison.Ordinal);
        Assert.Contains("x&lt;1&gt;", svg, StringComparison.Ordinal);
        Assert.Contains("#d62728", svg, StringComparison.Ordinal);
        Assert.Contains("overdispersed 99.8 %", svg, StringComparison.Ordinal);
        Assert.EndsWith("</svg>\n", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Flag_NoEvent_IsJudgedByTheProbabilityOfNone()
    {
        // e^−2.8 = 0.061 (within), e^−5 = 0.0067 (below 95 %), e^−7 = 0.00091 (below 99.8 %), whatever the continuous limits say.
        var limits = Funnel.Ratio(2.8);
        Assert.Equal(FunnelPosition.Within, VariabilityAnalysis.Flag(new StandardisedRatio(0, 2.8, 0, 0, 1), limits));
        Assert.Equal(FunnelPosition.Low95, VariabilityAnalysis.Flag(new StandardisedRatio(0, 5, 0, 0, 1), Funnel.Ratio(5)));
        Assert.Equal(FunnelPosition.Low998, VariabilityAnalysis.Flag(new StandardisedRatio(0, 7, 0, 0, 1), Funnel.Ratio(7)));
        Assert.Equal(FunnelPosition.Low998, Funnel.Flag(0, limits));
    }

    [Fact]
    public void NiceCeiling_RoundsUpToOneTwoTwoAndAHalfOrFive()
    {
        Assert.Equal(5, FunnelPlotSvg.NiceCeiling(3.2));
        Assert.Equal(1, FunnelPlotSvg.NiceCeiling(0.7));
        Assert.Equal(20, FunnelPlotSvg.NiceCeiling(12));
        Assert.Equal(2.5, FunnelPlotSvg.NiceCeiling(2.1));
    }

    [Fact]
    public void Tally_MergesPersonsAndCounts_WhateverTheOrder()
    {
        var a = new IndicatorTally();
        a.AddPatient([new IndicatorContribution("075", 3, 2, 1)]);
        a.AddPatient([new IndicatorContribution("075", 3, 1, 0), new IndicatorContribution("", 3, 1, 1)]);
        var b = new IndicatorTally();
        foreach (var c in a.Cells.Reverse())
        {
            b.Add(c);
        }

        Assert.Equal(a.Cells, b.Cells);
        Assert.Equal(new UnitStratumCount("075", 3, 3, 1, 2, 1), a.Cells.Single(c => c.Unit == "075"));
    }

    [Fact]
    public void OutlierCheck_CountsDetectionsInThePlantedDirection_FalsePositives_AndExcusedUnits()
    {
        var cells = Enumerable.Range(0, 30).Select(i => new UnitStratumCount($"U{i:D2}", 0, 200, 100 + ((i % 3) - 1) * 4, 200, 100))
            .Append(new UnitStratumCount("LOW", 0, 200, 20, 200, 20)).Append(new UnitStratumCount("ALSO", 0, 200, 18, 200, 18)).ToArray();
        var report = VariabilityAnalysis.Analyse(cells, 11);
        PlantedOutlier[] planted = [new("departement", "LOW", "x", 0.3, 1.0), new("departement", "U01", "x", 2.0, 1.0), new("departement", "GONE", "x", 2.0, 1.0)];
        var r = OutlierCheckResult.Check("x", "departement", 2020, report, planted, new HashSet<string> { "ALSO" });
        Assert.Equal([true, false, false], r.Planted.Select(p => p.Detected));
        Assert.False(r.Planted[2].Compared);
        Assert.Equal((32, 1, 29, 0), (r.Compared, r.Excused, r.NonPlanted, r.FalsePositives));
        var strict = OutlierCheckResult.Check("x", "departement", 2020, report, planted, new HashSet<string>());
        Assert.Equal(1, strict.FalsePositives);
        Assert.Equal(1 / 30.0, strict.FalsePositiveRate, 12);
    }
}
