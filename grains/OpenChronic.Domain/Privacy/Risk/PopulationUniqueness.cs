namespace OpenChronic.Domain.Privacy.Risk;

/// <summary>
/// Population uniqueness from a sample's class sizes and the population size N (the SNDS's 67 M insured, or a
/// region's population). Dankar et al. 2012's rule, as ARX applies it (RiskModelPopulationUniqueness): when the
/// sampling fraction is at most 0.1, Pitman, falling back to Zayatz when Pitman has no valid estimate; above,
/// the smaller of Zayatz and SNB (Zayatz alone when SNB has no valid estimate).
/// </summary>
public static class PopulationUniqueness
{
    /// <summary>Estimates the population uniques for a release of the given classes.</summary>
    public static PopulationUniquenessEstimate Estimate(EquivalenceClasses classes, long populationSize)
    {
        ArgumentNullException.ThrowIfNull(classes);
        if (populationSize < classes.RecordCount)
        {
            throw new ArgumentOutOfRangeException(nameof(populationSize), populationSize, "The population is at least as large as the sample.");
        }

        var histogram = classes.SizeHistogram();
        var n = classes.RecordCount;
        if (!histogram.ContainsKey(1))
        {
            return new PopulationUniquenessEstimate(populationSize, n, 0, 0, 0, PopulationUniquenessModel.None, 0);
        }

        var pitman = Valid(PitmanModel.Estimate(histogram, n, populationSize), populationSize);
        var zayatz = Valid(ZayatzModel.Estimate(histogram, n, populationSize), populationSize);
        var snb = Valid(SnbModel.Estimate(histogram, n, populationSize), populationSize);

        var fraction = (double)n / populationSize;
        (PopulationUniquenessModel Model, double Value) choice = fraction <= 0.1
            ? double.IsNaN(pitman) ? (PopulationUniquenessModel.Zayatz, zayatz) : (PopulationUniquenessModel.Pitman, pitman)
            : double.IsNaN(snb) || zayatz < snb ? (PopulationUniquenessModel.Zayatz, zayatz) : (PopulationUniquenessModel.Snb, snb);
        return new PopulationUniquenessEstimate(populationSize, n, pitman, zayatz, snb, choice.Model, choice.Value);
    }

    private static double Valid(double estimate, long populationSize) =>
        double.IsFinite(estimate) && estimate > 0 && estimate <= populationSize ? estimate : double.NaN;
}
