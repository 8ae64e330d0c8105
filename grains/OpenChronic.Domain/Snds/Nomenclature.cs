using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace OpenChronic.Domain.Snds;

/// <summary>
/// One SNDS code list (e.g. <c>IR_SPE_V</c> specialties, <c>IR_CIM_V</c> ICD-10): its codes, their labels
/// and the other columns of each row. Codes are compared as trimmed text; for integer code lists a value
/// is also found by its number, so <c>"01"</c> and <c>"1"</c> are the same code.
/// </summary>
public sealed class Nomenclature
{
    private readonly FrozenDictionary<string, string[]> _rows;
    private readonly FrozenDictionary<long, string>? _byNumber;
    private readonly int _labelIndex;

    private Nomenclature(string name, ImmutableArray<string> columns, string codeColumn, int labelIndex,
        Dictionary<string, string[]> rows, bool integerCodes)
    {
        Name = name;
        Columns = columns;
        CodeColumn = codeColumn;
        _labelIndex = labelIndex;
        _rows = rows.ToFrozenDictionary(StringComparer.Ordinal);
        if (integerCodes)
        {
            var byNumber = new Dictionary<long, string>();
            foreach (var code in rows.Keys)
            {
                if (long.TryParse(code, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
                {
                    byNumber.TryAdd(n, code);
                }
            }

            _byNumber = byNumber.ToFrozenDictionary();
        }
    }

    public string Name { get; }

    /// <summary>The code list's columns, in file order.</summary>
    public ImmutableArray<string> Columns { get; }

    /// <summary>The column holding the code.</summary>
    public string CodeColumn { get; }

    /// <summary>All codes, in no particular order.</summary>
    public IEnumerable<string> Codes => _rows.Keys;

    public int Count => _rows.Count;

    /// <summary>True when <paramref name="code"/> is a value of this list.</summary>
    public bool Contains(string code) => Resolve(code) is not null;

    /// <summary>True when the integer <paramref name="code"/> is a value of this list.</summary>
    public bool Contains(long code) =>
        _byNumber is not null ? _byNumber.ContainsKey(code) : _rows.ContainsKey(code.ToString(CultureInfo.InvariantCulture));

    /// <summary>The label of a code, or null when the code is unknown.</summary>
    public string? Label(string code) =>
        _labelIndex >= 0 && Resolve(code) is { } key ? _rows[key][_labelIndex] : null;

    /// <summary>The value of another column of the code's row (e.g. <c>ALD_030_COD</c> of an ICD-10 code), or null.</summary>
    public string? Value(string code, string column)
    {
        var i = Columns.IndexOf(column, StringComparer.OrdinalIgnoreCase);
        return i >= 0 && Resolve(code) is { } key ? _rows[key][i] : null;
    }

    private string? Resolve(string code)
    {
        var trimmed = code.Trim();
        if (_rows.ContainsKey(trimmed))
        {
            return trimmed;
        }

        return _byNumber is not null &&
               long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) &&
               _byNumber.TryGetValue(n, out var key)
            ? key
            : null;
    }

    /// <summary>
    /// Reads a code list from its CSV (<c>;</c>-separated, header) and its Table Schema (which column is the
    /// code, which the label). <paramref name="codeColumn"/> overrides the schema's code column.
    /// </summary>
    public static Nomenclature Parse(string name, Stream csv, Stream? schema, string? codeColumn = null)
    {
        ArgumentNullException.ThrowIfNull(csv);
        string? schemaCode = null, schemaLabel = null;
        var integerCodes = false;
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        if (schema is not null)
        {
            using var doc = JsonDocument.Parse(schema);
            foreach (var f in doc.RootElement.GetProperty("fields").EnumerateArray())
            {
                var fname = f.GetProperty("name").GetString()!;
                types[fname] = f.TryGetProperty("type", out var t) ? t.GetString() ?? "string" : "string";
                var role = f.TryGetProperty("role", out var r) ? r.GetString() : null;
                if (role == "code" && schemaCode is null)
                {
                    schemaCode = fname;
                }
                else if (role == "label" && schemaLabel is null)
                {
                    schemaLabel = fname;
                }
            }
        }

        using var reader = new StreamReader(csv, System.Text.Encoding.UTF8);
        var header = reader.ReadLine() ?? throw new InvalidDataException($"{name}: empty code list.");
        var columns = SplitLine(header).Select(c => c.Trim()).ToImmutableArray();
        var code = codeColumn ?? schemaCode ?? columns[0];
        var codeIndex = columns.IndexOf(code);
        if (codeIndex < 0)
        {
            throw new InvalidDataException($"{name}: no column {code} in the code list.");
        }

        integerCodes = types.TryGetValue(code, out var ct) && ct == "integer";
        var labelIndex = schemaLabel is null ? -1 : columns.IndexOf(schemaLabel);
        var rows = new Dictionary<string, string[]>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var values = SplitLine(line);
            if (codeIndex < values.Length)
            {
                rows.TryAdd(values[codeIndex].Trim(), values);
            }
        }

        return new Nomenclature(name, columns, code, labelIndex, rows, integerCodes);
    }

    // Fields separated by ';', optionally quoted with '"' (a doubled quote inside stands for one), as in IR_CCAM_V63.
    internal static string[] SplitLine(string line)
    {
        if (!line.Contains('"', StringComparison.Ordinal))
        {
            return line.Split(';');
        }

        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ';')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(ch);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }
}
