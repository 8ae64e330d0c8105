using OpenChronic.Analytics.Prediction.Features;
using OpenChronic.Domain.Snds;

namespace OpenChronic.Analytics.Prediction.Evaluation;

/// <summary>
/// A geographic split of one year's rows (PatientLevelPrediction's external validation by region): the région of a
/// row is that of its <c>dep:</c> column through <c>IR_DPT_V.GEO_REG_COD</c>; whole régions, drawn in a seeded order,
/// go to the test set until it holds at least the requested share of the rows with a known région, never all
/// régions. Rows without a known région stay in training.
/// </summary>
/// <param name="TrainRows">Rows of the training régions (and of unknown région), ascending.</param>
/// <param name="TestRows">Rows of the test régions, ascending.</param>
/// <param name="TrainRegions">Région codes of the training rows, sorted.</param>
/// <param name="TestRegions">Région codes of the test rows, sorted.</param>
public sealed record RegionSplit(int[] TrainRows, int[] TestRows, IReadOnlyList<string> TrainRegions, IReadOnlyList<string> TestRegions)
{
    private const string DepartementPrefix = "dep:";

    /// <summary>The région of a département in the repository's geography nomenclature, or null.</summary>
    public static string? RegionOf(string departement) =>
        NomenclatureSet.Default.Get("IR_DPT_V").Value(departement, "GEO_REG_COD");

    /// <summary>Splits <paramref name="block"/>'s rows by région; null when fewer than two régions are present.</summary>
    public static RegionSplit? Choose(FeatureBlock block, double testShare, int seed, Func<string, string?>? regionOf = null)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(testShare);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(testShare, 1);
        regionOf ??= RegionOf;
        var columnRegion = new string?[block.ColumnCount];
        for (var c = 0; c < columnRegion.Length; c++)
        {
            var name = block.Names[c];
            columnRegion[c] = name.StartsWith(DepartementPrefix, StringComparison.Ordinal) ? regionOf(name[DepartementPrefix.Length..]) : null;
        }

        var rowRegion = new string?[block.Rows];
        var rowsPerRegion = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 0; r < block.Rows; r++)
        {
            for (var k = block.RowStarts[r]; k < block.RowStarts[r + 1]; k++)
            {
                if (columnRegion[block.Columns[k]] is { } region && block.Values[k] != 0)
                {
                    rowRegion[r] = region;
                    rowsPerRegion[region] = rowsPerRegion.GetValueOrDefault(region) + 1;
                    break;
                }
            }
        }

        if (rowsPerRegion.Count < 2)
        {
            return null;
        }

        var order = rowsPerRegion.Keys.Order(StringComparer.Ordinal).ToArray();
        new Random(seed).Shuffle(order);
        var known = rowsPerRegion.Values.Sum();
        var test = new HashSet<string>(StringComparer.Ordinal);
        var testRows = 0;
        for (var i = 0; i < order.Length - 1 && testRows < testShare * known; i++)
        {
            test.Add(order[i]);
            testRows += rowsPerRegion[order[i]];
        }

        var trainList = new List<int>(block.Rows - testRows);
        var testList = new List<int>(testRows);
        for (var r = 0; r < block.Rows; r++)
        {
            (rowRegion[r] is { } region && test.Contains(region) ? testList : trainList).Add(r);
        }

        return new RegionSplit([.. trainList], [.. testList],
            [.. rowsPerRegion.Keys.Where(r => !test.Contains(r)).Order(StringComparer.Ordinal)], [.. test.Order(StringComparer.Ordinal)]);
    }
}
