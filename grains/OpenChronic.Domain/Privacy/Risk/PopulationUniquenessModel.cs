namespace OpenChronic.Domain.Privacy.Risk;

/// <summary>The statistical model behind a population-uniqueness estimate.</summary>
public enum PopulationUniquenessModel
{
    /// <summary>No sample unique: no population unique can be inferred (estimate 0).</summary>
    None,

    /// <summary>Pitman's sampling formula (Hoshino 2001).</summary>
    Pitman,

    /// <summary>Zayatz 1991, hypergeometric conditional probability.</summary>
    Zayatz,

    /// <summary>Slide negative binomial (Chen and Keller-McNulty 1998).</summary>
    Snb,
}

/// <summary>
/// Estimates of the number of population uniques (people alone in the population on the quasi-identifiers)
/// from the class sizes of a sample, by three models and by the decision rule of Dankar, El Emam, Neisa and
/// Roffey, "Estimating the re-identification risk of clinical data sets" (BMC Med Inform Decis Mak 12:66,
/// 2012). NaN marks a model that gave no valid estimate.
/// </summary>
/// <param name="PopulationSize">N.</param>
/// <param name="SampleSize">n.</param>
/// <param name="Pitman">Population uniques under Pitman's model.</param>
/// <param name="Zayatz">Population uniques under Zayatz's model.</param>
/// <param name="Snb">Population uniques under the SNB model.</param>
/// <param name="DankarModel">The model Dankar's rule chose.</param>
/// <param name="Dankar">Population uniques by Dankar's rule.</param>
public sealed record PopulationUniquenessEstimate(
    long PopulationSize,
    long SampleSize,
    double Pitman,
    double Zayatz,
    double Snb,
    PopulationUniquenessModel DankarModel,
    double Dankar)
{
    /// <summary>The sampling fraction n/N.</summary>
    public double SamplingFraction => (double)SampleSize / PopulationSize;

    /// <summary>Dankar's estimate as a share of the population (ARX's "population uniqueness").</summary>
    public double DankarFraction => Dankar / PopulationSize;
}
