using OpenChronic.Domain.Privacy.Calibration;

namespace OpenChronic.Domain.Tests.Privacy.Calibration;

public sealed class ReleaseRiskAssessorTests
{
    [Fact]
    public void MeasureClasses_WithPopulation_HandComputedRisks()
    {
        // Release: classes {a: 2, b: 3}; population: a ×4, b ×3, c ×5.
        int[][] release = [[0, 0, 1, 1, 1]];
        int[][] population = [[0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 2]];

        var risk = ReleaseRiskAssessor.MeasureClasses(release, suppressed: 1, recordThreshold: 0.4, populationSize: 1000, population);

        Assert.Equal(5, risk.Records);
        Assert.Equal(1, risk.Suppressed);
        Assert.Equal(0.5, risk.Prosecutor.Highest, 12);
        Assert.Equal(2 / 5.0, risk.Prosecutor.Average, 12);
        Assert.Equal(2 / 5.0, risk.Prosecutor.RecordsAtRisk, 12);
        Assert.Equal(1 / 3.0, risk.Journalist!.Highest, 12);
        // marketer = (2/4 + 3/3)/5
        Assert.Equal(0.3, risk.Marketer, 12);
        Assert.Equal(0, risk.SampleUniqueness);
        Assert.Equal(0, risk.PopulationUniqueness!.Dankar);
    }

    [Fact]
    public void MeasureClasses_SampleUniques_PopulationUniquenessEstimated()
    {
        int[][] release = [[0, 1, 2, 3, 3, 4, 4, 4]];

        var risk = ReleaseRiskAssessor.MeasureClasses(release, 0, 0.09, 1_000_000);

        Assert.Equal(3 / 8.0, risk.SampleUniqueness, 12);
        Assert.Null(risk.Journalist);
        Assert.True(risk.PopulationUniqueness!.Dankar > 0);
    }
}
