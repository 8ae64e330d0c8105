namespace OpenChronic.Domain.Privacy.Anonymity;

/// <summary>
/// Utility and risk figures of one anonymized output: every information-loss metric, the suppression, the
/// number and smallest size of the published equivalence classes (suppressed records excluded) and the highest
/// prosecutor re-identification risk (1 / smallest class).
/// </summary>
public sealed record UtilityReport(
    double NonUniformEntropy,
    double Loss,
    double Discernibility,
    double AverageClassSize,
    double? Precision,
    int SuppressedRecords,
    int Records,
    int Classes,
    int SmallestClass)
{
    public double SuppressionRate => Records == 0 ? 0 : (double)SuppressedRecords / Records;

    public double HighestProsecutorRisk => SmallestClass == 0 ? 0 : 1.0 / SmallestClass;

    /// <summary>The value of <paramref name="metric"/> (lower is better for all of them).</summary>
    public double Value(InformationLossMetric metric) => metric switch
    {
        InformationLossMetric.NonUniformEntropy => NonUniformEntropy,
        InformationLossMetric.Loss => Loss,
        InformationLossMetric.Discernibility => Discernibility,
        InformationLossMetric.AverageClassSize => AverageClassSize,
        InformationLossMetric.Precision => Precision ?? double.NaN,
        _ => throw new ArgumentOutOfRangeException(nameof(metric)),
    };
}
