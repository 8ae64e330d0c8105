using Microsoft.ML;
using OpenChronic.Analytics.Prediction.Features;

namespace OpenChronic.Analytics.Prediction.Models;

/// <summary>An ML.NET binary-classification pipeline per candidate setting (see <see cref="Learners"/>).</summary>
public sealed class MlNetLearner : IRiskLearner
{
    private readonly IReadOnlyList<(string Setting, Func<MLContext, IEstimator<ITransformer>> Pipeline)> _candidates;

    public MlNetLearner(string name, string description, IReadOnlyList<(string Setting, Func<MLContext, IEstimator<ITransformer>> Pipeline)> candidates)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentOutOfRangeException.ThrowIfZero(candidates.Count);
        Name = name;
        Description = description;
        _candidates = candidates;
    }

    public string Name { get; }

    public string Description { get; }

    public IReadOnlyList<string> Candidates => [.. _candidates.Select(c => c.Setting)];

    public IRiskModel Train(FeatureBlock data, int candidate, int seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegative(candidate);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(candidate, _candidates.Count);
        var context = new MLContext(seed);
        var view = MlNetData.From(context, data);
        var transformer = _candidates[candidate].Pipeline(context).Fit(view);
        return new Model(Name, _candidates[candidate].Setting, context, transformer, view.Schema, data.ColumnCount);
    }

    private sealed class Model(string name, string setting, MLContext context, ITransformer transformer, DataViewSchema schema, int columns) : IRiskModel
    {
        public string Name => name;

        public string HyperParameters => setting;

        public string FileExtension => ".zip";

        public double[] Predict(FeatureBlock data)
        {
            ArgumentNullException.ThrowIfNull(data);
            if (data.ColumnCount != columns)
            {
                throw new ArgumentException($"The model was trained on {columns} columns, the data has {data.ColumnCount}.", nameof(data));
            }

            var scored = transformer.Transform(MlNetData.From(context, data));
            return MlNetData.Read(scored, data.Rows);
        }

        public void Save(string path) => context.Model.Save(transformer, schema, path);
    }
}
