namespace OpenChronic.Analytics.Prediction.Metrics;

/// <summary>Input guards and sorting shared by the metrics.</summary>
internal static class Checked
{
    public static void Inputs(ReadOnlySpan<double> predictions, int outcomeCount)
    {
        if (predictions.Length != outcomeCount)
        {
            throw new ArgumentException($"{predictions.Length} predictions but {outcomeCount} outcomes.");
        }

        if (predictions.Length == 0)
        {
            throw new ArgumentException("No predictions.");
        }

        for (var i = 0; i < predictions.Length; i++)
        {
            if (double.IsNaN(predictions[i]) || predictions[i] < 0 || predictions[i] > 1)
            {
                throw new ArgumentOutOfRangeException(nameof(predictions), $"Prediction {i} = {predictions[i]} is not a probability.");
            }
        }
    }

    public static int[] SortedOrder(ReadOnlySpan<double> predictions, ReadOnlySpan<bool> outcomes, bool descending)
    {
        Inputs(predictions, outcomes.Length);
        var keys = predictions.ToArray();
        var order = new int[keys.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(keys, order);
        if (descending)
        {
            Array.Reverse(order);
        }

        return order;
    }
}
