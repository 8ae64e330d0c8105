using System.Globalization;
using System.IO.Compression;
using OpenChronic.Analytics.Prediction.Features;
using OpenChronic.Analytics.Prediction.Metrics;

namespace OpenChronic.Analytics.Prediction.Models;

/// <summary>
/// The delivered model of a learner: its K cross-validation fold models, averaged on the logit scale (for the GLM
/// that is one logistic model with the fold coefficients averaged; for boosted trees, the average of the additive
/// scores). No model is refitted on all the rows, so the out-of-fold predictions the recalibration is fitted on come
/// from the very models this one averages, each on rows it did not see.
/// </summary>
public sealed class CrossFittedModel : IRiskModel
{
    private readonly IRiskModel[] _folds;

    public CrossFittedModel(IReadOnlyList<IRiskModel> folds)
    {
        ArgumentNullException.ThrowIfNull(folds);
        ArgumentOutOfRangeException.ThrowIfZero(folds.Count);
        _folds = [.. folds];
    }

    /// <summary>The fold models, in fold order.</summary>
    public IReadOnlyList<IRiskModel> Folds => _folds;

    public string Name => _folds[0].Name;

    public string HyperParameters => _folds[0].HyperParameters + string.Create(CultureInfo.InvariantCulture, $"; average of {_folds.Length} fold models");

    public string FileExtension => ".zip";

    /// <summary>expit of the mean of the fold models' logits, row by row.</summary>
    public double[] Predict(FeatureBlock data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var sum = new double[data.Rows];
        foreach (var fold in _folds)
        {
            var p = fold.Predict(data);
            for (var i = 0; i < sum.Length; i++)
            {
                sum[i] += LogisticFit.Logit(p[i]);
            }
        }

        for (var i = 0; i < sum.Length; i++)
        {
            sum[i] = LogisticFit.Expit(sum[i] / _folds.Length);
        }

        return sum;
    }

    /// <summary>A zip archive holding each fold model's own file (<c>fold-1.zip</c>, <c>fold-2.txt</c> …).</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var scratch = path + ".folds";
        Directory.CreateDirectory(scratch);
        try
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }

            using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
            for (var k = 0; k < _folds.Length; k++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"fold-{k + 1}{_folds[k].FileExtension}");
                var file = Path.Combine(scratch, name);
                _folds[k].Save(file);
                archive.CreateEntryFromFile(file, name);
            }
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}
