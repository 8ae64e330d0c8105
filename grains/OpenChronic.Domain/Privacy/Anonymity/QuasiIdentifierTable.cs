using System.Collections.Immutable;

namespace OpenChronic.Domain.Privacy.Anonymity;

/// <summary>
/// The microdata to anonymize, one row per person (so a class size is a number of distinct persons), stored
/// column-wise as dictionary codes: each quasi-identifier column holds the leaf code of its value in the
/// column's hierarchy, and the optional sensitive attribute holds codes into <see cref="SensitiveValues"/>.
/// Encoding happens once; every search works on these integer arrays.
/// </summary>
public sealed class QuasiIdentifierTable
{
    private readonly int[][] _codes;
    private readonly int[]? _sensitive;

    private QuasiIdentifierTable(ImmutableArray<QuasiIdentifier> columns, int[][] codes, int rowCount,
        int[]? sensitive, ImmutableArray<string> sensitiveValues)
    {
        Columns = columns;
        _codes = codes;
        RowCount = rowCount;
        _sensitive = sensitive;
        SensitiveValues = sensitiveValues;
    }

    public ImmutableArray<QuasiIdentifier> Columns { get; }

    /// <summary>Number of rows, which is the number of persons.</summary>
    public int RowCount { get; }

    /// <summary>True when a sensitive attribute (for l-diversity) is present.</summary>
    public bool HasSensitive => _sensitive is not null;

    /// <summary>The distinct values of the sensitive attribute; a sensitive code indexes this list.</summary>
    public ImmutableArray<string> SensitiveValues { get; }

    /// <summary>Leaf codes of quasi-identifier <paramref name="column"/>, one per row.</summary>
    public ReadOnlySpan<int> LeafCodes(int column) => _codes[column];

    /// <summary>Sensitive codes, one per row (empty when there is no sensitive attribute).</summary>
    public ReadOnlySpan<int> SensitiveCodes => _sensitive;

    internal int[][] CodeArrays => _codes;

    internal int[]? SensitiveArray => _sensitive;

    /// <summary>
    /// A table from already-encoded columns (leaf codes of each hierarchy). Throws when a code is out of range:
    /// this is the trusted path for generated data.
    /// </summary>
    public static QuasiIdentifierTable FromCodes(IReadOnlyList<QuasiIdentifier> columns, int[][] leafCodes,
        int[]? sensitiveCodes = null, IReadOnlyList<string>? sensitiveValues = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(leafCodes);
        if (columns.Count == 0 || leafCodes.Length != columns.Count)
        {
            throw new ArgumentException("One code array per quasi-identifier is needed.", nameof(leafCodes));
        }

        var rows = leafCodes[0].Length;
        for (var c = 0; c < columns.Count; c++)
        {
            var leaves = columns[c].Hierarchy.LeafCount;
            if (leafCodes[c].Length != rows)
            {
                throw new ArgumentException($"Column {columns[c].Name} has {leafCodes[c].Length} rows, not {rows}.", nameof(leafCodes));
            }

            foreach (var code in leafCodes[c])
            {
                if ((uint)code >= (uint)leaves)
                {
                    throw new ArgumentOutOfRangeException(nameof(leafCodes), $"Code {code} is not a leaf of {columns[c].Name}.");
                }
            }
        }

        if (sensitiveCodes is not null)
        {
            ArgumentNullException.ThrowIfNull(sensitiveValues);
            if (sensitiveCodes.Length != rows)
            {
                throw new ArgumentException("The sensitive column has a different number of rows.", nameof(sensitiveCodes));
            }

            foreach (var code in sensitiveCodes)
            {
                if ((uint)code >= (uint)sensitiveValues.Count)
                {
                    throw new ArgumentOutOfRangeException(nameof(sensitiveCodes), $"Sensitive code {code} has no value.");
                }
            }
        }

        return new QuasiIdentifierTable([.. columns], leafCodes, rows, sensitiveCodes,
            sensitiveValues is null ? [] : [.. sensitiveValues]);
    }

    /// <summary>
    /// Reads a delimited table with a header line, taking the named quasi-identifier columns (and the optional
    /// sensitive and person-key columns). A row whose value is missing from its hierarchy, whose field count is
    /// wrong, or whose person key was already seen is rejected with its line and column; it never throws on data.
    /// </summary>
    public static TableParseResult Parse(Stream csv, IReadOnlyList<QuasiIdentifier> columns, string? sensitive = null,
        string? personKey = null, char separator = ';', string source = "table")
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0)
        {
            throw new ArgumentException("At least one quasi-identifier is needed.", nameof(columns));
        }

        var rejects = ImmutableArray.CreateBuilder<RejectedInputRow>();
        using var reader = new StreamReader(csv, System.Text.Encoding.UTF8);
        var header = reader.ReadLine();
        if (header is null)
        {
            rejects.Add(new RejectedInputRow(source, 1, null, "empty file, no header"));
            return new TableParseResult(null, rejects.ToImmutable());
        }

        var names = header.Split(separator);
        int Find(string name) => Array.FindIndex(names, n => string.Equals(n.Trim(), name, StringComparison.Ordinal));
        var index = columns.Select(c => Find(c.Name)).ToArray();
        var sensitiveIndex = sensitive is null ? -1 : Find(sensitive);
        var personIndex = personKey is null ? -1 : Find(personKey);
        var missing = columns.Where((c, i) => index[i] < 0).Select(c => c.Name)
            .Concat(sensitive is not null && sensitiveIndex < 0 ? [sensitive] : [])
            .Concat(personKey is not null && personIndex < 0 ? [personKey] : []).ToList();
        if (missing.Count > 0)
        {
            rejects.Add(new RejectedInputRow(source, 1, string.Join(",", missing), "column missing from the header"));
            return new TableParseResult(null, rejects.ToImmutable());
        }

        var codes = columns.Select(_ => new List<int>()).ToArray();
        var sensitiveCodes = sensitive is null ? null : new List<int>();
        var sensitiveDictionary = new Dictionary<string, int>(StringComparer.Ordinal);
        var persons = new HashSet<string>(StringComparer.Ordinal);
        var rowCodes = new int[columns.Count];
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            var fields = text.Split(separator);
            if (fields.Length != names.Length)
            {
                rejects.Add(new RejectedInputRow(source, line, null, $"{fields.Length} fields, the header has {names.Length}"));
                continue;
            }

            if (!TryEncode(fields, columns, index, rowCodes, out var badColumn))
            {
                rejects.Add(new RejectedInputRow(source, line, columns[badColumn].Name,
                    $"value '{fields[index[badColumn]]}' is not in the hierarchy"));
                continue;
            }

            if (personIndex >= 0 && !persons.Add(fields[personIndex]))
            {
                rejects.Add(new RejectedInputRow(source, line, personKey,
                    "person already present: the table must hold one row per person"));
                continue;
            }

            for (var c = 0; c < columns.Count; c++)
            {
                codes[c].Add(rowCodes[c]);
            }

            if (sensitiveCodes is not null)
            {
                var value = fields[sensitiveIndex];
                if (!sensitiveDictionary.TryGetValue(value, out var s))
                {
                    s = sensitiveDictionary.Count;
                    sensitiveDictionary.Add(value, s);
                }

                sensitiveCodes.Add(s);
            }
        }

        var sensitiveValues = sensitiveDictionary.OrderBy(p => p.Value).Select(p => p.Key).ToImmutableArray();
        var table = new QuasiIdentifierTable([.. columns], codes.Select(c => c.ToArray()).ToArray(), codes[0].Count,
            sensitiveCodes?.ToArray(), sensitiveValues);
        return new TableParseResult(table, rejects.ToImmutable());
    }

    private static bool TryEncode(string[] fields, IReadOnlyList<QuasiIdentifier> columns, int[] index, int[] rowCodes, out int badColumn)
    {
        for (var c = 0; c < columns.Count; c++)
        {
            if (!columns[c].Hierarchy.TryGetLeaf(fields[index[c]], out rowCodes[c]))
            {
                badColumn = c;
                return false;
            }
        }

        badColumn = -1;
        return true;
    }
}
