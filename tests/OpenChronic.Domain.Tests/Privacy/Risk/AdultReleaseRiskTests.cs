using OpenChronic.Domain.Privacy.Anonymity;
using OpenChronic.Domain.Privacy.Risk;
using OpenChronic.Domain.Tests.Privacy.Anonymity;

namespace OpenChronic.Domain.Tests.Privacy.Risk;

public sealed class AdultReleaseRiskTests
{
    [Fact]
    public void Prosecutor_AdultAtArxOptimum_HighestRiskIsOneSixteenth()
    {
        // The real Adult generalization at ARX's 5-anonymous optimum [1,1,1,1,3,2,2,1] (branch privacy's recoding).
        var released = FullDomainRecoding.Apply(AdultData.Table, [1, 1, 1, 1, 3, 2, 2, 1], new AnonymizationPolicy(5));
        var keys = released.Rows.Where((_, i) => !released.Suppressed[i]).Select(r => string.Join('\u001f', r));
        var classes = EquivalenceClasses.FromRows(keys);

        var risk = ReidentificationRisk.Prosecutor(classes, threshold: 0.05);

        Assert.Equal(30_162, classes.RecordCount);
        Assert.Equal(16, classes.SampleSizes.Min());
        Assert.Equal(0.0625, risk.Highest);
        Assert.Equal(0, ReidentificationRisk.SampleUniqueness(classes));
        Assert.Equal(0, PopulationUniqueness.Estimate(classes, 65_820_916).Dankar);
    }

    [Fact]
    public void PopulationUniqueness_RawAdultAgainstFrance_PitmanChosenAndBelowSampleUniques()
    {
        var raw = FullDomainRecoding.Apply(AdultData.Table, [0, 0, 0, 0, 0, 0, 0, 0], new AnonymizationPolicy(1));
        var classes = EquivalenceClasses.FromRows(raw.Rows.Select(r => string.Join('\u001f', r)));

        // Sampling fraction 30,162/65,820,916 ≈ 0.0005 ≤ 0.1: Dankar's rule uses Pitman.
        var estimate = PopulationUniqueness.Estimate(classes, 65_820_916);

        Assert.Equal(PopulationUniquenessModel.Pitman, estimate.DankarModel);
        Assert.True(estimate.DankarFraction > 0 && estimate.DankarFraction < ReidentificationRisk.SampleUniqueness(classes), estimate.ToString());
    }
}
