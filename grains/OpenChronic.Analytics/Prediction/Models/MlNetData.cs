using Microsoft.ML;
using Microsoft.ML.Data;
using OpenChronic.Analytics.Prediction.Features;

namespace OpenChronic.Analytics.Prediction.Models;

/// <summary>Presents a <see cref="FeatureBlock"/> to ML.NET as a Label / sparse Features data view.</summary>
internal static class MlNetData
{
    public static IDataView From(MLContext context, FeatureBlock block)
    {
        var definition = SchemaDefinition.Create(typeof(Row));
        definition[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, Math.Max(1, block.ColumnCount));
        return context.Data.LoadFromEnumerable(Rows(block), definition);
    }

    /// <summary>The probability (or, when the model has none, the score) of each row.</summary>
    public static double[] Read(IDataView scored, int rows)
    {
        var column = scored.Schema.GetColumnOrNull("Probability") ?? scored.Schema["Score"];
        var values = scored.GetColumn<float>(column).ToArray();
        if (values.Length != rows)
        {
            throw new InvalidOperationException($"ML.NET returned {values.Length} predictions for {rows} rows.");
        }

        return Array.ConvertAll(values, v => (double)v);
    }

    private static IEnumerable<Row> Rows(FeatureBlock block)
    {
        var width = Math.Max(1, block.ColumnCount);
        for (var r = 0; r < block.Rows; r++)
        {
            var start = block.RowStarts[r];
            var count = block.RowStarts[r + 1] - start;
            var values = block.Values.AsSpan(start, count).ToArray();
            var indices = block.Columns.AsSpan(start, count).ToArray();
            yield return new Row { Label = block.Labels[r], Features = new VBuffer<float>(width, count, values, indices) };
        }
    }

    private sealed class Row
    {
        public bool Label { get; set; }

        public VBuffer<float> Features { get; set; }
    }
}
