namespace OpenChronic.Analytics.Prediction;

/// <summary>
/// A patient-level prediction task in the manner of PatientLevelPrediction: index date (1 January of
/// <see cref="IndexYear"/>), adults alive and observed at index who never had the target ALD, outcome = a registration
/// of the target ALD in [index, index + <see cref="HorizonDays"/>), features from the <see cref="LookbackDays"/> before
/// index. Persons who die within the horizon without the outcome are excluded (PLP's requireTimeAtRisk with
/// includeAllOutcomes).
/// </summary>
/// <param name="Target">The ALD predicted.</param>
/// <param name="IndexYear">Year whose 1 January is the index date.</param>
/// <param name="HorizonDays">Time at risk, in days after index (PLP riskWindowEnd).</param>
/// <param name="LookbackDays">Longest feature window, in days before index.</param>
/// <param name="MinimumAge">Youngest age at index (adults: 18).</param>
public sealed record PredictionTask(AldTarget Target, int IndexYear, int HorizonDays = 365, int LookbackDays = 365, int MinimumAge = 18)
{
    /// <summary>The feature windows, in days before index (FeatureExtraction's long, medium and short terms).</summary>
    public static IReadOnlyList<int> Windows { get; } = [365, 180, 30];

    /// <summary>Day number of the index date.</summary>
    public int IndexDay => new DateOnly(IndexYear, 1, 1).DayNumber;

    /// <summary>The same task one year later (temporal validation).</summary>
    public PredictionTask NextYear() => this with { IndexYear = IndexYear + 1 };

    /// <summary>Throws when a parameter is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(IndexYear, 1900);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(IndexYear, 2199);
        ArgumentOutOfRangeException.ThrowIfLessThan(HorizonDays, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(HorizonDays, 3660);
        ArgumentOutOfRangeException.ThrowIfLessThan(LookbackDays, 30);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(LookbackDays, 3660);
        ArgumentOutOfRangeException.ThrowIfNegative(MinimumAge);
    }
}
