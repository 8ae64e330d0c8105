using OpenChronic.Domain.Privacy.Anonymity;

namespace OpenChronic.Client.Commands;

/// <summary>
/// Reads the files of <c>risk</c> into shared integer codes: the release (generalized values, rows whose
/// quasi-identifiers are all <c>*</c> counting as suppressed) and, optionally, the originals and the control
/// recoded to the release's level of each hierarchy. Rows that cannot be read are reported with file, line and column.
/// </summary>
internal sealed class RiskInput
{
    private readonly Dictionary<string, int>[] _codes;
    private readonly string[] _columns;
    private readonly char _separator;
    private readonly List<string> _problems = [];

    public RiskInput(IReadOnlyList<string> columns, char separator)
    {
        _columns = [.. columns];
        _separator = separator;
        _codes = [.. columns.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)), new Dictionary<string, int>(StringComparer.Ordinal)];
    }

    public IReadOnlyList<string> Problems => _problems;

    /// <summary>Reads a file; <paramref name="recode"/> maps an original value of column c to the release's value (null rejects the row).</summary>
    public (int[][] Columns, int[]? Secret, int Suppressed)? Read(string path, string? secretColumn, Func<int, string, string?>? recode)
    {
        if (!File.Exists(path))
        {
            _problems.Add($"{path}: file not found");
            return null;
        }

        using var reader = new StreamReader(path);
        var header = reader.ReadLine()?.Split(_separator).Select(h => h.Trim()).ToArray();
        if (header is null)
        {
            _problems.Add($"{path} line 1: empty file, no header");
            return null;
        }

        var index = _columns.Select(c => Array.IndexOf(header, c)).ToArray();
        var secretIndex = secretColumn is null ? -1 : Array.IndexOf(header, secretColumn);
        var missing = _columns.Where((_, i) => index[i] < 0).Concat(secretColumn is not null && secretIndex < 0 ? [secretColumn] : []).ToList();
        if (missing.Count > 0)
        {
            _problems.Add($"{path} line 1: column(s) {string.Join(", ", missing)} missing from the header");
            return null;
        }

        var codes = _columns.Select(_ => new List<int>()).ToArray();
        var secret = secretColumn is null ? null : new List<int>();
        var suppressed = 0;
        var line = 1;
        var values = new string[_columns.Length];
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            var fields = text.Split(_separator);
            if (fields.Length != header.Length)
            {
                _problems.Add($"{path} line {line}: {fields.Length} fields, the header has {header.Length}");
                continue;
            }

            var ok = true;
            for (var c = 0; c < _columns.Length && ok; c++)
            {
                var value = recode is null ? fields[index[c]] : recode(c, fields[index[c]]);
                if (value is null)
                {
                    _problems.Add($"{path} line {line} column {_columns[c]}: value '{fields[index[c]]}' is not in the hierarchy");
                    ok = false;
                }
                else
                {
                    values[c] = value;
                }
            }

            if (!ok)
            {
                continue;
            }

            if (recode is null && values.All(v => v == GeneralizedTable.SuppressedValue))
            {
                suppressed++;
                continue;
            }

            for (var c = 0; c < _columns.Length; c++)
            {
                codes[c].Add(Code(c, values[c]));
            }

            secret?.Add(Code(_columns.Length, fields[secretIndex]));
        }

        return ([.. codes.Select(c => c.ToArray())], secret?.ToArray(), suppressed);
    }

    /// <summary>The distinct values of a column in the release read so far.</summary>
    public IReadOnlyCollection<string> ReleasedValues(int column) => _codes[column].Keys;

    private int Code(int column, string value)
    {
        var map = _codes[column];
        if (!map.TryGetValue(value, out var code))
        {
            code = map.Count;
            map.Add(value, code);
        }

        return code;
    }
}
