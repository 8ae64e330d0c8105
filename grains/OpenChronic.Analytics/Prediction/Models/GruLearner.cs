using System.Globalization;
using System.Text;
using OpenChronic.Analytics.Prediction.Features;

namespace OpenChronic.Analytics.Prediction.Models;

/// <summary>
/// Recurrent model: a GRU over the monthly event sequences (12 months × 21 channels) with age and sex as static inputs,
/// trained by Adam on the log-loss (mini-batches of 32, seeded initialisation and shuffling).
/// </summary>
public sealed class GruLearner : IRiskLearner
{
    private static readonly (int Hidden, int Epochs, double Rate)[] s_grid = [(16, 6, 0.01), (32, 6, 0.005)];

    public string Name => "gru";

    public string Description => "Recurrent network: one GRU layer over monthly sequences (12 × 21 channels: GP, specialist, dispensations, biology, acts, stays, ALD-exonerated claims, 14 ATC main groups; log(1 + count)) with age and sex, logistic output; Adam, log-loss. Hand-written in C# (TorchSharp's native library needs GLIBCXX 3.4.32, absent on Debian 12).";

    public IReadOnlyList<string> Candidates => [.. s_grid.Select(g => string.Create(CultureInfo.InvariantCulture, $"hidden={g.Hidden}, epochs={g.Epochs}, rate={g.Rate}"))];

    public IRiskModel Train(FeatureBlock data, int candidate, int seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegative(candidate);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(candidate, s_grid.Length);
        var (hidden, epochs, rate) = s_grid[candidate];
        var statics = StaticColumns(data.Names);
        var random = new Random(seed);
        var network = new GruNetwork(data.Channels, hidden, statics.Length, random);
        var prevalence = Math.Clamp((data.Positives + 0.5) / (data.Rows + 1.0), 1e-6, 1 - 1e-6);
        network.Parameters[network.OutputBias] = Math.Log(prevalence / (1 - prevalence));
        var adam = new Adam(network.Parameters.Length, rate);
        var gradient = new double[network.Parameters.Length];
        var trace = new GruNetwork.Trace(data.Months, hidden);
        var order = Enumerable.Range(0, data.Rows).ToArray();
        var staticValues = new float[statics.Length];
        const int Batch = 32;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            for (var start = 0; start < order.Length; start += Batch)
            {
                Array.Clear(gradient);
                var end = Math.Min(order.Length, start + Batch);
                for (var i = start; i < end; i++)
                {
                    var row = order[i];
                    Statics(data, row, statics, staticValues);
                    var p = GruNetwork.Sigmoid(network.Forward(data.Sequence(row), staticValues, trace));
                    var g = (p - (data.Labels[row] ? 1 : 0)) / (end - start);
                    network.Backward(data.Sequence(row), staticValues, trace, g, gradient);
                }

                adam.Step(network.Parameters, gradient);
            }
        }

        return new Model(Candidates[candidate], network, data.Names, statics);
    }

    // Age and sex, when the block has them.
    private static int[] StaticColumns(string[] names) =>
        [.. Enumerable.Range(0, names.Length).Where(i => names[i] == "age" || names[i].StartsWith("sex:", StringComparison.Ordinal))];

    private static void Statics(FeatureBlock data, int row, int[] columns, float[] values)
    {
        Array.Clear(values);
        for (var k = data.RowStarts[row]; k < data.RowStarts[row + 1]; k++)
        {
            var at = Array.IndexOf(columns, data.Columns[k]);
            if (at >= 0)
            {
                values[at] = data.Values[k];
            }
        }
    }

    private sealed class Model(string setting, GruNetwork network, string[] names, int[] statics) : IRiskModel
    {
        public string Name => "gru";

        public string HyperParameters => setting;

        public string FileExtension => ".txt";

        public double[] Predict(FeatureBlock data)
        {
            ArgumentNullException.ThrowIfNull(data);
            if (!data.Names.AsSpan().SequenceEqual(names))
            {
                throw new ArgumentException("The data's columns differ from the training columns.", nameof(data));
            }

            var values = new float[statics.Length];
            var result = new double[data.Rows];
            for (var r = 0; r < data.Rows; r++)
            {
                Statics(data, r, statics, values);
                result[r] = GruNetwork.Sigmoid(network.Forward(data.Sequence(r), values));
            }

            return result;
        }

        public void Save(string path)
        {
            var text = new StringBuilder();
            text.AppendLine(CultureInfo.InvariantCulture, $"# GRU ({setting}); static inputs: {string.Join(", ", statics.Select(i => names[i]))}; parameters in GruNetwork order");
            foreach (var v in network.Parameters)
            {
                text.AppendLine(v.ToString("R", CultureInfo.InvariantCulture));
            }

            File.WriteAllText(path, text.ToString());
        }
    }

    private sealed class Adam(int size, double rate)
    {
        private readonly double[] _m = new double[size];
        private readonly double[] _v = new double[size];
        private int _t;

        public void Step(double[] parameters, double[] gradient)
        {
            _t++;
            var c1 = 1 - Math.Pow(0.9, _t);
            var c2 = 1 - Math.Pow(0.999, _t);
            for (var i = 0; i < parameters.Length; i++)
            {
                _m[i] = (0.9 * _m[i]) + (0.1 * gradient[i]);
                _v[i] = (0.999 * _v[i]) + (0.001 * gradient[i] * gradient[i]);
                parameters[i] -= rate * (_m[i] / c1) / (Math.Sqrt(_v[i] / c2) + 1e-8);
            }
        }
    }
}
