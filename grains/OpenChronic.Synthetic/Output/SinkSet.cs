using System.Globalization;
using Apache.Arrow;
using OpenChronic.Domain.Snds;
using OpenChronic.Ingestion.Tables;

namespace OpenChronic.Synthetic.Output;

/// <summary>
/// Every output file of an extract: DCIR tables by flux month, PMSI tables by year, referentials, and the
/// truth tables under <c>truth/</c>. Files are opened on first use and all finished on dispose.
/// </summary>
internal sealed class SinkSet : IDisposable
{
    public static readonly string[] DcirTables = ["ER_PRS_F", "ER_PHA_F", "ER_BIO_F", "ER_CAM_F", "ER_ETE_F"];
    public static readonly char[] PmsiParts = ['B', 'C', 'D', 'A', 'E'];

    private readonly SynthOptions _options;
    private readonly Func<string, Schema, ISndsTableWriter> _createWriter;
    private readonly TableSink?[][] _dcir;
    private readonly TableSink?[][] _pmsi;
    private readonly Dictionary<string, TableSink> _others = new(StringComparer.Ordinal);
    private readonly string _truthDirectory;

    public SinkSet(SynthOptions options, Func<string, Schema, ISndsTableWriter> createWriter)
    {
        _options = options;
        _createWriter = createWriter;
        Directory.CreateDirectory(options.OutputDirectory);
        _truthDirectory = Path.Combine(options.OutputDirectory, "truth");
        Directory.CreateDirectory(_truthDirectory);
        FirstFluxMonth = options.StartYear * 12 + 1;
        LastFluxMonth = options.EndYear * 12 + 11 + 7;
        _dcir = [.. DcirTables.Select(_ => new TableSink?[LastFluxMonth - FirstFluxMonth + 1])];
        _pmsi = [.. PmsiParts.Select(_ => new TableSink?[options.EndYear - options.StartYear + 1])];
        Schemas = DcirTables.Concat(PmsiParts.Select(p => "T_MCOaa" + p))
            .Concat(["IR_BEN_R", "IR_IMB_R", "KI_CCI_R", "KI_ECD_R", "IR_PHA_R"])
            .ToDictionary(t => t, t => SndsArrowSchema.For(SndsCatalogue.Default[t]), StringComparer.Ordinal);
    }

    /// <summary>
    /// First and last flux month (year × 12 + month − 1), the month of FLX_DIS_DTD: care is processed 0–6 months
    /// after the care month and made available on the first day of the month after processing, so February of
    /// the first year to July after the last.
    /// </summary>
    public int FirstFluxMonth { get; }

    public int LastFluxMonth { get; }

    public IReadOnlyDictionary<string, Schema> Schemas { get; }

    public string Extension => _options.Format switch
    {
        SndsFileFormat.Csv => ".csv",
        SndsFileFormat.ArrowIpc => ".arrow",
        _ => ".parquet",
    };

    /// <summary>The DCIR file of <paramref name="table"/> (index in <see cref="DcirTables"/>) for a flux month.</summary>
    public TableSink Dcir(int table, int fluxMonth)
    {
        var month = Math.Clamp(fluxMonth, FirstFluxMonth, LastFluxMonth);
        ref var sink = ref _dcir[table][month - FirstFluxMonth];
        return sink ??= new TableSink(_options.OutputDirectory,
            string.Create(CultureInfo.InvariantCulture, $"{DcirTables[table]}_{month / 12:D4}{month % 12 + 1:D2}{Extension}"),
            Schemas[DcirTables[table]], _options.BatchRows, _createWriter);
    }

    /// <summary>The PMSI MCO file of a part (index in <see cref="PmsiParts"/>) for a year.</summary>
    public TableSink Pmsi(int part, int year)
    {
        ref var sink = ref _pmsi[part][year - _options.StartYear];
        return sink ??= new TableSink(_options.OutputDirectory,
            string.Create(CultureInfo.InvariantCulture, $"T_MCO{year % 100:D2}{PmsiParts[part]}{Extension}"),
            Schemas["T_MCOaa" + PmsiParts[part]], _options.BatchRows, _createWriter);
    }

    /// <summary>A single-file referential (IR_BEN_R, IR_IMB_R, KI_CCI_R, KI_ECD_R, IR_PHA_R).</summary>
    public TableSink Referential(string table)
    {
        if (!_others.TryGetValue(table, out var sink))
        {
            _others[table] = sink = new TableSink(_options.OutputDirectory, table + Extension, Schemas[table], _options.BatchRows, _createWriter);
        }

        return sink;
    }

    /// <summary>A truth table under <c>truth/</c>, always Parquet-named like the extract's format.</summary>
    public TableSink Truth(string name, Schema schema)
    {
        var key = "truth/" + name;
        if (!_others.TryGetValue(key, out var sink))
        {
            _others[key] = sink = new TableSink(_truthDirectory, name + Extension, schema, _options.BatchRows, _createWriter);
        }

        return sink;
    }

    /// <summary>Rows written per catalogue table (all partitions together) and per truth table.</summary>
    public SortedDictionary<string, long> RowCounts()
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        for (var t = 0; t < DcirTables.Length; t++)
        {
            counts[DcirTables[t]] = _dcir[t].Sum(s => s?.Rows ?? 0);
        }

        for (var p = 0; p < PmsiParts.Length; p++)
        {
            counts["T_MCOaa" + PmsiParts[p]] = _pmsi[p].Sum(s => s?.Rows ?? 0);
        }

        foreach (var (name, sink) in _others)
        {
            counts[name] = sink.Rows;
        }

        return counts;
    }

    public void Dispose()
    {
        // Every flux month and year gets its files, even when empty, so an extract always has the same layout.
        for (var t = 0; t < DcirTables.Length; t++)
        {
            for (var m = FirstFluxMonth; m <= LastFluxMonth; m++)
            {
                Dcir(t, m).Dispose();
            }
        }

        for (var p = 0; p < PmsiParts.Length; p++)
        {
            for (var y = _options.StartYear; y <= _options.EndYear; y++)
            {
                Pmsi(p, y).Dispose();
            }
        }

        foreach (var sink in _others.Values)
        {
            sink.Dispose();
        }
    }
}
