using OpenChronic.Analytics.Prediction.Features;

namespace OpenChronic.Analytics.Prediction.Models;

/// <summary>A trained model: predicts the probability of the outcome for each row of a feature block.</summary>
public interface IRiskModel
{
    /// <summary>The learner's name (e.g. <c>glm-l1</c>).</summary>
    string Name { get; }

    /// <summary>The hyper-parameters it was trained with.</summary>
    string HyperParameters { get; }

    /// <summary>Probabilities, one per row, over the same columns as the training block.</summary>
    double[] Predict(FeatureBlock data);

    /// <summary>Extension of the file <see cref="Save"/> writes (".zip" for ML.NET models, ".txt" for the GRU's parameters).</summary>
    string FileExtension { get; }

    /// <summary>Writes the model (its parameters, no training row) to <paramref name="path"/>.</summary>
    void Save(string path);
}
