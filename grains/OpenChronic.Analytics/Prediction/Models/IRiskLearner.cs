using OpenChronic.Analytics.Prediction.Features;

namespace OpenChronic.Analytics.Prediction.Models;

/// <summary>A learning algorithm with a grid of candidate hyper-parameter settings.</summary>
public interface IRiskLearner
{
    /// <summary>Short name used in reports and file names.</summary>
    string Name { get; }

    /// <summary>What the model is, for the model card.</summary>
    string Description { get; }

    /// <summary>The candidate settings (readable), chosen among by cross-validation.</summary>
    IReadOnlyList<string> Candidates { get; }

    /// <summary>Trains candidate <paramref name="candidate"/> on <paramref name="data"/> with an explicit seed.</summary>
    IRiskModel Train(FeatureBlock data, int candidate, int seed);
}
