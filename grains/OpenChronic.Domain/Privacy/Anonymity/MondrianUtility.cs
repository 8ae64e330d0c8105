using System.Collections.Immutable;

namespace OpenChronic.Domain.Privacy.Anonymity;

/// <summary>
/// The information-loss metrics of a local recoding into ranges: a cell generalized to [min..max] covers
/// max - min + 1 leaves (Loss), shares its value with every record of any partition holding the same range in
/// that column (non-uniform entropy), and classes are the partitions (discernibility, AECS). Precision is a
/// level-based metric and is not defined here.
/// </summary>
internal static class MondrianUtility
{
    public static UtilityReport Report(QuasiIdentifierTable table, ImmutableArray<MondrianPartition> partitions, int suppressed)
    {
        var n = table.RowCount;
        var columns = table.Columns.Length;
        double entropy = 0, loss = 0;
        for (var c = 0; c < columns; c++)
        {
            var h = table.Columns[c].Hierarchy;
            var leafCounts = new double[h.LeafCount];
            foreach (var code in table.LeafCodes(c))
            {
                leafCounts[code]++;
            }

            var rangeCounts = new Dictionary<(int, int), double>();
            foreach (var p in partitions)
            {
                var key = (p.Minimum[c], p.Maximum[c]);
                rangeCounts[key] = rangeCounts.GetValueOrDefault(key) + p.Rows.Length;
            }

            double shareSum = suppressed;
            foreach (var p in partitions)
            {
                var generalized = rangeCounts[(p.Minimum[c], p.Maximum[c])];
                shareSum += p.Rows.Length * (double)(p.Maximum[c] - p.Minimum[c] + 1) / h.LeafCount;
                foreach (var r in p.Rows)
                {
                    entropy += Math.Log2(generalized / leafCounts[table.LeafCodes(c)[r]]);
                }
            }

            var min = (double)n / h.LeafCount;
            loss += n - min <= 0 ? 0 : Math.Max(0, (shareSum - min) / (n - min));
        }

        double discernibility = (double)suppressed * n;
        var smallest = 0;
        foreach (var p in partitions)
        {
            discernibility += (double)p.Rows.Length * p.Rows.Length;
            smallest = smallest == 0 ? p.Rows.Length : Math.Min(smallest, p.Rows.Length);
        }

        var groups = partitions.Length + (suppressed > 0 ? 1 : 0);
        return new UtilityReport(entropy, columns == 0 ? 0 : loss / columns, discernibility, groups == 0 ? 0 : (double)n / groups,
            null, suppressed, n, partitions.Length, smallest);
    }
}
