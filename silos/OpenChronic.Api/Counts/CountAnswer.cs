namespace OpenChronic.Api.Counts;

/// <summary>
/// The answer of a counts query: each released cell with its noisy person count and confidence interval, the noise
/// (distribution, scale t or σ, variance, interval half-width, δ-threshold when keys came from the data), the cost
/// charged and the budget left to the agency and to the cohort. No exact count and no person appears in it.
/// </summary>
public sealed record CountAnswer(
    string Cohort,
    int Release,
    IReadOnlyList<string> Dimensions,
    string Mechanism,
    string Keys,
    string Noise,
    double NoiseScale,
    double NoiseVariance,
    double ConfidenceLevel,
    long HalfWidth,
    long? Threshold,
    IReadOnlyList<CountCell> Cells,
    CountCost Cost,
    CountBudget Budget);

/// <summary>One released cell: the dimension values, the noisy count and its interval.</summary>
public sealed record CountCell(IReadOnlyList<string> Values, long Count, long Lower, long Upper);

/// <summary>What the query cost: ε and δ charged to the ledger, and ρ when asked in zCDP.</summary>
public sealed record CountCost(double Epsilon, double Delta, double? Rho);

/// <summary>ε left after the charge: to this agency on the cohort, and to the cohort overall.</summary>
public sealed record CountBudget(string Ledger, double ConsumerRemaining, double CohortRemaining);
