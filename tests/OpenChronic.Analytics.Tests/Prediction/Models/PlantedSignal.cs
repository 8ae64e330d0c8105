using OpenChronic.Analytics.Prediction.Features;
using OpenChronic.Analytics.Prediction.Metrics;

namespace OpenChronic.Analytics.Tests.Prediction.Models;

/// <summary>A seeded data set whose outcome follows logit p = −1 + 6(x0 − ½) − 4(x1 − ½) + 3·x2 (x2 binary, also seen in month 11 of the sequence), plus 7 noise columns.</summary>
internal static class PlantedSignal
{
    public static FeatureBlock Make(int rows, int seed)
    {
        var random = new Random(seed);
        var builder = new FeatureBlockBuilder(SequenceChannels.Months, SequenceChannels.Count);
        var row = new List<(int Column, float Value)>();
        var sequence = new float[SequenceChannels.Months * SequenceChannels.Count];
        for (var r = 0; r < rows; r++)
        {
            row.Clear();
            Array.Clear(sequence);
            var x0 = random.NextSingle();
            var x1 = random.NextSingle();
            var x2 = random.NextDouble() < 0.3 ? 1f : 0f;
            row.Add((0, x0));
            row.Add((1, x1));
            if (x2 > 0)
            {
                row.Add((2, x2));
            }

            for (var c = 3; c < 10; c++)
            {
                if (random.NextDouble() < 0.5)
                {
                    row.Add((c, random.NextSingle()));
                }
            }

            // The recurrent model sees x0 spread over the last months and x2 in the last one.
            for (var m = 6; m < SequenceChannels.Months; m++)
            {
                sequence[(m * SequenceChannels.Count) + SequenceChannels.Gp] = x0;
                sequence[(m * SequenceChannels.Count) + SequenceChannels.Specialist] = x1;
            }

            sequence[(11 * SequenceChannels.Count) + SequenceChannels.Stay] = x2;
            var p = LogisticFit.Expit(-1 + (6 * (x0 - 0.5)) - (4 * (x1 - 0.5)) + (3 * x2));
            builder.AddIndexedRow(row, random.NextDouble() < p, (float)p, sequence);
        }

        return builder.Build([.. Enumerable.Range(0, 10).Select(c => "x" + c)]);
    }
}
