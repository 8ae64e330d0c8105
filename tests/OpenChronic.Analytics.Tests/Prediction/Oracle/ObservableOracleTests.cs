using OpenChronic.Analytics.Prediction.Metrics;
using OpenChronic.Analytics.Prediction.Oracle;
using OpenChronic.Domain.Pathways;

namespace OpenChronic.Analytics.Tests.Prediction.Oracle;

public sealed class ObservableOracleTests
{
    private const int Index = 800_000;

    private static CareEvent Event(int day, CareEventKind kind, string code) =>
        new(day, day, kind, CareEventTraits.None, 0, PackedCode.Pack(code), 0, 1);

    // A diabetes phase begun 100 days before index, onset 170 days after it; risk 0.6 now, 0.001 a year earlier.
    private static readonly PhaseAtIndex s_diabetes = new(8, Index - 100, Index + 170, 0.6f, 0.001f);

    [Fact]
    public void Risk_LoneGlycaemiaInThePhase_KeepsTheTrueRisk()
    {
        CareEvent[] events = [Event(Index - 40, CareEventKind.Biology, "552")];

        Assert.Equal(0.6f, ObservableOracle.Risk(events, Index, 0.6f, [s_diabetes]), 6);
    }

    [Fact]
    public void Risk_GlycaemiaInAPanelBeforeThePhaseOrAfterIndex_IsUnseen()
    {
        CareEvent[] events =
        [
            Event(Index - 150, CareEventKind.Biology, "552"),
            Event(Index - 40, CareEventKind.Biology, "552"),
            Event(Index - 40, CareEventKind.Biology, "1104"),
            Event(Index + 3, CareEventKind.Biology, "552"),
        ];

        // Before the phase (day −150), in a panel (day −40), after index (day +3): no trace, previous-year risk.
        Assert.Equal(0.001f, ObservableOracle.Risk(events, Index, 0.6f, [s_diabetes]), 6);
    }

    [Fact]
    public void Risk_AnyAldWithTwoPhases_SwapsOnlyTheUntracedOne()
    {
        // Risks: diabetes 0.6 (traced), kidney 0.3 (untraced, 0.01 before), combined 1 − 0.4 · 0.7 = 0.72.
        var kidney = new PhaseAtIndex(19, Index - 50, Index + 220, 0.3f, 0.01f);
        CareEvent[] events = [Event(Index - 40, CareEventKind.Biology, "552"), Event(Index - 10, CareEventKind.Dispensation, "C03CA01")];

        var risk = ObservableOracle.Risk(events, Index, 0.72f, [s_diabetes, kidney]);

        Assert.Equal(1 - (0.4 * 0.99), risk, 5);
    }

    [Fact]
    public void HasTrace_HeartFailureDiuretic_OnlyInTheLast180DaysBeforeOnset()
    {
        var phase = new PhaseAtIndex(5, Index - 200, Index + 70, 0.5f, 0.01f);

        Assert.False(ObservableOracle.HasTrace([Event(Index - 120, CareEventKind.Dispensation, "C03CA01")], phase, Index));
        Assert.True(ObservableOracle.HasTrace([Event(Index - 100, CareEventKind.Dispensation, "C03CA01")], phase, Index));
        Assert.True(ObservableOracle.HasTrace([Event(Index - 30, CareEventKind.Diagnosis, "I480")], phase, Index));
    }

    [Fact]
    public void Risk_NoPhaseOrUnknownRisk_IsTheRiskOrNaN()
    {
        Assert.Equal(0.2f, ObservableOracle.Risk([], Index, 0.2f, []));
        Assert.True(float.IsNaN(ObservableOracle.Risk([], Index, float.NaN, [s_diabetes])));
    }

    [Fact]
    public void Risk_HandMadePopulation_AucBetweenBlindAndTrueRisk()
    {
        // Four persons: two in the phase (one traced, one not), two without; outcomes of the two in the phase and of
        // none else. True risk ranks both cases first (AUC 1); the oracle sees one, the untraced case falls to its
        // previous-year risk below a non-case's (AUC 0.75 = 3 of 4 pairs); a model that sees no phase scores 0.5.
        float[] risk = [0.6f, 0.6f, 0.01f, 0.002f];
        bool[] outcome = [true, true, false, false];
        CareEvent[][] events = [[Event(Index - 40, CareEventKind.Biology, "552")], [], [], []];
        PhaseAtIndex[][] phases = [[s_diabetes], [s_diabetes with { PreviousRisk = 0.005f }], [], []];

        double[] oracle = [.. Enumerable.Range(0, 4).Select(i => (double)ObservableOracle.Risk(events[i], Index, risk[i], phases[i]))];

        Assert.Equal(1, Discrimination.Auroc([.. risk.Select(r => (double)r)], outcome).Auc, 9);
        Assert.Equal(0.75, Discrimination.Auroc(oracle, outcome).Auc, 9);
    }
}
