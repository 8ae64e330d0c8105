using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace OpenChronic.Domain.Snds;

/// <summary>
/// The SNDS tables Open Chronic reads, built from the formal schema (one Table Schema JSON per table,
/// embedded from indsante/schema-snds; see <c>Snds/Schema/SOURCE.md</c>).
/// Keys and identifiers are typed as strings whatever the schema says, so that leading zeros survive.
/// </summary>
public sealed class SndsCatalogue
{
    /// <summary>The nine columns that identify a DCIR claim line and join ER_PRS_F to its detail tables.</summary>
    public static readonly ImmutableArray<string> DcirKeys =
    [
        "DCT_ORD_NUM", "FLX_DIS_DTD", "FLX_EMT_NUM", "FLX_EMT_ORD", "FLX_EMT_TYP",
        "FLX_TRT_DTD", "ORG_CLE_NUM", "PRS_ORD_NUM", "REM_TYP_AFF",
    ];

    /// <summary>The two columns that identify a PMSI MCO stay.</summary>
    public static readonly ImmutableArray<string> PmsiKeys = ["ETA_NUM", "RSA_NUM"];

    /// <summary>Person identifiers: never numbers, never logged, never released.</summary>
    public static readonly FrozenSet<string> PersonIdentifiers =
        new[] { "BEN_NIR_PSA", "BEN_NIR_ANO", "BEN_IDT_ANO", "NIR_ANO_17", "NUM_ENQ" }
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly Lazy<SndsCatalogue> s_default = new(LoadEmbedded);

    // Schema minimums that real extracts break on purpose: regularisation lines carry negative quantities
    // (PRS_ACT_QTE; the SNDS documentation says to net them), and infants under one year have AGE_ANN = 0.
    private static readonly FrozenSet<string> s_relaxedMinimum =
        new[] { "PRS_ACT_QTE", "AGE_ANN" }.ToFrozenSet(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, SndsTable> _tables;

    public SndsCatalogue(IEnumerable<SndsTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _tables = tables.ToFrozenDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);
        Tables = [.. _tables.Values.OrderBy(t => t.Name, StringComparer.Ordinal)];
        TablesByNameLength = [.. Tables.OrderByDescending(t => t.Name.Length).ThenBy(t => t.Name, StringComparer.Ordinal)];
    }

    /// <summary>The catalogue embedded in this assembly.</summary>
    public static SndsCatalogue Default => s_default.Value;

    /// <summary>Every table, sorted by name.</summary>
    public ImmutableArray<SndsTable> Tables { get; }

    internal ImmutableArray<SndsTable> TablesByNameLength { get; }

    public SndsTable this[string name] =>
        TryGetTable(name, out var t) ? t : throw new KeyNotFoundException($"The SNDS catalogue has no table {name}.");

    public bool TryGetTable(string name, out SndsTable table) => _tables.TryGetValue(name, out table!);

    /// <summary>Reads one Table Schema JSON document into a catalogue table.</summary>
    public static SndsTable ParseTableSchema(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var name = root.GetProperty("name").GetString()!;
        var primaryKey = ReadNames(root, "primaryKey");
        var foreignKeys = root.TryGetProperty("foreignKeys", out var fks)
            ? [.. fks.EnumerateArray().Select(fk => new SndsForeignKey(
                ReadNames(fk, "fields"),
                fk.GetProperty("reference").GetProperty("resource").GetString()!,
                ReadNames(fk.GetProperty("reference"), "fields")))]
            : ImmutableArray<SndsForeignKey>.Empty;
        var keyColumns = primaryKey.Concat(foreignKeys.SelectMany(f => f.Fields)).ToHashSet(StringComparer.Ordinal);

        var columns = ImmutableArray.CreateBuilder<SndsColumn>();
        foreach (var f in root.GetProperty("fields").EnumerateArray())
        {
            columns.Add(ParseColumn(f, keyColumns));
        }

        var product = root.TryGetProperty("produit", out var p) ? p.GetString() ?? "" : "";
        var partitioning = name.StartsWith("ER_", StringComparison.Ordinal) ? SndsPartitioning.FluxMonth
            : name.StartsWith("T_MCOaa", StringComparison.Ordinal) ? SndsPartitioning.Year
            : SndsPartitioning.None;
        var title = root.TryGetProperty("title", out var ti) ? ti.GetString() ?? "" : "";
        return new SndsTable(name, title, product, partitioning, columns.ToImmutable(), primaryKey, foreignKeys);
    }

    private static SndsColumn ParseColumn(JsonElement f, HashSet<string> keyColumns)
    {
        var name = f.GetProperty("name").GetString()!;
        var format = f.TryGetProperty("format", out var fo) ? fo.GetString() : null;
        if (format is "default" or "")
        {
            format = null;
        }

        var schemaType = MapType(f.GetProperty("type").GetString()!, format);
        var isKey = keyColumns.Contains(name);

        // Keys and person identifiers are read as text: ETA_NUM, ORG_CLE_NUM or NIRs carry leading
        // zeros and letters, and a join on text never depends on how a file spelled a number.
        var isIdentifier = PersonIdentifiers.Contains(name) || name is "ETA_NUM" or "RSA_NUM";
        var type = (isKey || isIdentifier) && schemaType is SndsType.Integer or SndsType.Number
            ? SndsType.String
            : schemaType;

        int? length = null, scale = null;
        if (f.TryGetProperty("length", out var len) && len.ValueKind == JsonValueKind.String)
        {
            var parts = len.GetString()!.Split(',', StringSplitOptions.TrimEntries);
            if (int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var l))
            {
                length = l;
            }

            if (parts.Length > 1 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var s))
            {
                scale = s;
            }
        }

        string? nomenclature = null, nomenclatureColumn = null;
        if (f.TryGetProperty("nomenclature", out var n) && n.GetString() is { Length: > 0 } nom && nom != "-")
        {
            var colon = nom.IndexOf(':', StringComparison.Ordinal);
            nomenclature = colon < 0 ? nom : nom[..colon];
            nomenclatureColumn = colon < 0 ? null : nom[(colon + 1)..];
        }

        double? min = null, max = null;
        int? minLength = null;
        if (f.TryGetProperty("constraints", out var c))
        {
            if (c.TryGetProperty("minimum", out var mi) && mi.ValueKind == JsonValueKind.Number)
            {
                min = mi.GetDouble();
            }

            if (c.TryGetProperty("maximum", out var ma) && ma.ValueKind == JsonValueKind.Number)
            {
                max = ma.GetDouble();
            }

            if (c.TryGetProperty("minLength", out var ml) && ml.ValueKind == JsonValueKind.Number)
            {
                minLength = ml.GetInt32();
            }
        }

        if (s_relaxedMinimum.Contains(name))
        {
            min = null;
        }

        var description = f.TryGetProperty("description", out var d) ? d.GetString() ?? "" : "";
        return new SndsColumn(name, type, schemaType, format, length, scale, nomenclature, nomenclatureColumn,
            description, isKey, min, max, minLength);
    }

    private static SndsType MapType(string type, string? format) => (type, format) switch
    {
        ("string", _) => SndsType.String,
        ("integer", _) => SndsType.Integer,
        ("number", _) => SndsType.Number,
        ("boolean", _) => SndsType.Boolean,
        ("date", "%m") => SndsType.Month,
        ("date", _) => SndsType.Date,
        ("datetime", _) => SndsType.DateTime,
        ("yearmonth", _) => SndsType.YearMonth,
        ("year", _) => SndsType.Year,
        _ => throw new InvalidDataException($"Unknown Table Schema type '{type}' (format '{format}')."),
    };

    private static ImmutableArray<string> ReadNames(JsonElement element, string property)
    {
        if (!element.TryGetProperty(property, out var value))
        {
            return [];
        }

        return value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Select(v => v.GetString()!)]
            : [value.GetString()!];
    }

    private static SndsCatalogue LoadEmbedded()
    {
        const string Prefix = "OpenChronic.Snds.Schema.";
        var assembly = typeof(SndsCatalogue).Assembly;
        var tables = new List<SndsTable>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (resource.StartsWith(Prefix, StringComparison.Ordinal) && resource.EndsWith(".json", StringComparison.Ordinal))
            {
                using var stream = assembly.GetManifestResourceStream(resource)!;
                tables.Add(ParseTableSchema(stream));
            }
        }

        return new SndsCatalogue(tables);
    }
}
