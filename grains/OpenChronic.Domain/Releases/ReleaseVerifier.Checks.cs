using System.Globalization;

namespace OpenChronic.Domain.Releases;

public static partial class ReleaseVerifier
{
    private const int MaxReported = 20;

    // Groups the rows by their quasi-identifier columns (1..q): smallest class, fewest distinct sensitive values and
    // lowest exp(entropy) of the l-diverse attribute in a class.
    private static (int K, int Distinct, double Entropy) Classes(List<string[]> rows, ReleasePolicy policy, List<string> problems)
    {
        var q = policy.QuasiIdentifiers.Count;
        var sensitiveColumn = policy.LDiversity is { } l ? 1 + q + IndexOf(policy.Sensitive, l.Attribute) : -1;
        var classes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var key = string.Join('\u001f', row, 1, q);
            if (!classes.TryGetValue(key, out var values))
            {
                values = [];
                classes.Add(key, values);
            }

            values.Add(sensitiveColumn > 0 ? row[sensitiveColumn] : "");
        }

        int k = 0, distinct = 0;
        var entropy = 0.0;
        var first = true;
        foreach (var (key, values) in classes)
        {
            var counts = values.GroupBy(v => v, StringComparer.Ordinal).Select(g => (double)g.Count()).ToList();
            var h = -counts.Sum(c => c / values.Count * Math.Log(c / values.Count));
            var label = key.Replace('\u001f', ';');
            if (values.Count < policy.K && problems.Count < MaxReported)
            {
                problems.Add($"class [{label}] holds {values.Count} persons, fewer than k = {policy.K}");
            }

            if (policy.LDiversity?.Distinct is { } dl && counts.Count < dl && problems.Count < MaxReported)
            {
                problems.Add($"class [{label}] has {counts.Count} distinct {policy.LDiversity.Attribute} values, fewer than l = {dl}");
            }

            if (policy.LDiversity?.Entropy is { } el && h < Math.Log(el) - 1e-9 && problems.Count < MaxReported)
            {
                problems.Add($"class [{label}] has {policy.LDiversity.Attribute} entropy {h:F4} < log({el})");
            }

            k = first ? values.Count : Math.Min(k, values.Count);
            distinct = first ? counts.Count : Math.Min(distinct, counts.Count);
            entropy = first ? Math.Exp(h) : Math.Min(entropy, Math.Exp(h));
            first = false;
        }

        return (k, distinct, entropy);
    }

    // Counts, over the rows, every combination of 1..m distinct codes of the pathway column; each must be held by k persons.
    private static int? Km(List<string[]> rows, int column, KmSpec km, List<string> problems)
    {
        var support = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var codes = row[column].Split(ReleaseWriter.CodeSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            Combine(codes, 0, km.M, [], support);
        }

        int? smallest = null;
        foreach (var (combination, count) in support)
        {
            smallest = smallest is null ? count : Math.Min(smallest.Value, count);
            if (count < km.K && problems.Count < MaxReported)
            {
                problems.Add($"pathway codes [{combination.Replace('\u001f', ',')}] are held by {count} persons, fewer than k = {km.K} (m = {km.M})");
            }
        }

        return smallest;
    }

    private static void Combine(string[] codes, int start, int left, List<string> chosen, Dictionary<string, int> support)
    {
        for (var i = start; i < codes.Length; i++)
        {
            chosen.Add(codes[i]);
            var key = string.Join('\u001f', chosen);
            support[key] = support.GetValueOrDefault(key) + 1;
            if (left > 1)
            {
                Combine(codes, i + 1, left - 1, chosen, support);
            }

            chosen.RemoveAt(chosen.Count - 1);
        }
    }

    // An aggregate table with its margins ("Total" row and column): published counts are 0 or >= the threshold, sums
    // hold where a whole line is published, and each hidden cell lies on a cycle of hidden cells (rows and columns as
    // nodes), which is exactly when the line sums cannot determine it.
    private static void CheckTable(string directory, string file, int threshold, List<string> problems)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            problems.Add($"{file} is missing");
            return;
        }

        var cells = ReadTable(path);
        var rowNames = cells.Select(c => c.Row).Distinct(StringComparer.Ordinal).ToList();
        var columnNames = cells.Select(c => c.Column).Distinct(StringComparer.Ordinal).ToList();
        if (rowNames.LastOrDefault() != "Total" || columnNames.LastOrDefault() != "Total" || cells.Count != rowNames.Count * columnNames.Count)
        {
            problems.Add($"{file} is not a full table with Total margins");
            return;
        }

        CheckIdentifiers(file, cells.Select(c => new[] { c.Row, c.Column }), problems);
        var value = new long?[rowNames.Count, columnNames.Count];
        foreach (var (row, column, count) in cells)
        {
            value[rowNames.IndexOf(row), columnNames.IndexOf(column)] = count;
            if (count is > 0 && count < threshold)
            {
                problems.Add($"{file}: cell ({row}, {column}) shows {count}, below the minimum cell size {threshold}");
            }
        }

        int rows = rowNames.Count, columns = columnNames.Count;
        for (var r = 0; r < rows; r++)
        {
            var line = Enumerable.Range(0, columns - 1).Select(c => value[r, c]).ToList();
            if (line.All(v => v is not null) && value[r, columns - 1] is { } total && line.Sum(v => v!.Value) != total)
            {
                problems.Add($"{file}: row {rowNames[r]} does not add up to its total");
            }
        }

        for (var c = 0; c < columns; c++)
        {
            var line = Enumerable.Range(0, rows - 1).Select(r => value[r, c]).ToList();
            if (line.All(v => v is not null) && value[rows - 1, c] is { } total && line.Sum(v => v!.Value) != total)
            {
                problems.Add($"{file}: column {columnNames[c]} does not add up to its total");
            }
        }

        var hidden = new List<(int Row, int Column)>();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                if (value[r, c] is null)
                {
                    hidden.Add((r, c));
                }
            }
        }

        foreach (var cell in hidden)
        {
            if (!Connected(hidden, cell, rows))
            {
                problems.Add($"{file}: hidden cell ({rowNames[cell.Row]}, {columnNames[cell.Column]}) can be recomputed from the published sums");
            }
        }
    }

    // Whether the row and the column of `without` stay connected through the other hidden cells (breadth-first).
    private static bool Connected(List<(int Row, int Column)> hidden, (int Row, int Column) without, int rows)
    {
        var start = without.Row;
        var goal = rows + without.Column;
        var seen = new HashSet<int> { start };
        var queue = new Queue<int>([start]);
        while (queue.TryDequeue(out var node))
        {
            foreach (var h in hidden)
            {
                if (h == without)
                {
                    continue;
                }

                int a = h.Row, b = rows + h.Column;
                var next = node == a ? b : node == b ? a : -1;
                if (next >= 0 && seen.Add(next))
                {
                    if (next == goal)
                    {
                        return true;
                    }

                    queue.Enqueue(next);
                }
            }
        }

        return false;
    }

    /// <summary>The cells of an aggregate-table CSV (<c>row;column;count;status</c>); a hidden or unreadable count is null.</summary>
    public static List<(string Row, string Column, long? Count)> ReadTable(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var cells = new List<(string, string, long?)>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var parts = line.Split(ReleaseWriter.Separator);
            if (parts.Length != 4)
            {
                continue;
            }

            long? count = parts[3] == "published" && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
            cells.Add((parts[0], parts[1], count));
        }

        return cells;
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return -1;
    }
}
