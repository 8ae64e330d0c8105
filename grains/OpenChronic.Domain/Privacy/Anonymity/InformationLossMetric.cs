namespace OpenChronic.Domain.Privacy.Anonymity;

/// <summary>The information-loss measure the optimal search minimizes (definitions in docs/anonymization.md).</summary>
public enum InformationLossMetric
{
    /// <summary>ARX's monotonic non-uniform entropy: Σ over cells of log2(count of generalized value / count of original value).</summary>
    NonUniformEntropy,

    /// <summary>ARX's Loss: per attribute the normalized share of the domain each value covers, averaged over attributes.</summary>
    Loss,

    /// <summary>Discernibility: Σ class size² + suppressed records × N.</summary>
    Discernibility,

    /// <summary>Average equivalence class size: N / number of classes (suppressed records form one class).</summary>
    AverageClassSize,

    /// <summary>Sweeney's precision loss: mean of level / height over cells, suppressed cells counting 1.</summary>
    Precision,
}
