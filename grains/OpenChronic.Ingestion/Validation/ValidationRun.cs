using System.Collections.Immutable;
using System.Globalization;
using OpenChronic.Domain.Snds;
using OpenChronic.Ingestion.Tables;

namespace OpenChronic.Ingestion.Validation;

/// <summary>One validation of one extract folder: the state shared by the files (problems, key sets, verdict caches).</summary>
internal sealed partial class ValidationRun
{
    private readonly string _directory;
    private readonly ExtractInventory _inventory;
    private readonly Func<string, SndsTable, ISndsTableReader> _openReader;
    private readonly IProgress<ValidationProgress>? _progress;
    private readonly ProblemCollector _problems;
    private readonly CodeLists _codeLists;
    private readonly Dictionary<(string Table, string Column), ColumnCheck?> _columnChecks = [];
    private readonly Dictionary<string, KeySet> _keySets = new(StringComparer.Ordinal);
    private readonly HashSet<string> _tablesPresent;
    private readonly List<FileSummary> _files = [];

    public ValidationRun(string directory, ExtractInventory inventory, Func<string, SndsTable, ISndsTableReader> openReader,
        ValidationOptions options, IProgress<ValidationProgress>? progress)
    {
        _directory = directory;
        _inventory = inventory;
        _openReader = openReader;
        _progress = progress;
        _problems = new ProblemCollector(options.MaxExamples);
        _codeLists = new CodeLists(options.Nomenclatures, options.MaxCachedValuesPerColumn);
        _tablesPresent = inventory.Files.Select(f => f.TableLabel).ToHashSet(StringComparer.Ordinal);
    }

    public ValidationReport Execute(CancellationToken cancellationToken)
    {
        if (_inventory.Files.Count == 0)
        {
            _problems.Add(ValidationProblemKind.NoRecognisedTable, "", null,
                "no file is named after a catalogue table (e.g. ER_PRS_F_201901.csv, T_MCO19B.parquet, IR_BEN_R.arrow)",
                new ProblemExample(null, 0, null, null, $"{_inventory.Unrecognised.Count} other file(s)"));
        }
        else if (!_tablesPresent.Contains("IR_BEN_R"))
        {
            _problems.Add(ValidationProblemKind.MissingPersonTable, "IR_BEN_R", null,
                "IR_BEN_R is absent: no claim, stay or registration can be tied to a person",
                new ProblemExample(null, 0, null, null, null));
        }

        // Referenced tables first, so that each file is read once and every reference finds its full key set.
        var ordered = _inventory.Files
            .OrderBy(f => KeyRules.Phase(f.Name.Table.Name))
            .ThenBy(f => f.RelativePath, StringComparer.Ordinal)
            .ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _files.Add(ReadFile(ordered[i], i, ordered.Count, cancellationToken));
        }

        var tables = _files
            .GroupBy(f => f.Table, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TableSummary(g.Key, g.Count(), g.Sum(f => f.Rows), g.Sum(f => f.RejectedRows)))
            .ToImmutableArray();
        return new ValidationReport(_directory, tables, [.. _files], _problems.ToProblems(), _inventory.Unrecognised, KeyCheckNote());
    }

    /// <summary>Counts a key problem, with a masked example while more are wanted.</summary>
    internal static void Report(ProblemTally tally, KeyTuple tuple, int i, long[] rows, string file, string detail)
    {
        if (tally.WantsExample)
        {
            tally.Add(new ProblemExample(file, rows[i], tuple.Label, tuple.Display(i), detail));
        }
        else
        {
            tally.Increment();
        }
    }

    internal ProblemCollector Problems => _problems;

    internal bool HasTable(string tableLabel) => _tablesPresent.Contains(tableLabel);

    internal KeySet Set(string tableLabel, string columnLabel)
    {
        var name = tableLabel + ":" + columnLabel;
        if (!_keySets.TryGetValue(name, out var set))
        {
            set = new KeySet();
            _keySets.Add(name, set);
        }

        return set;
    }

    private ColumnCheck? CheckOf(string tableLabel, SndsColumn column)
    {
        if (!_columnChecks.TryGetValue((tableLabel, column.Name), out var check))
        {
            check = ColumnCheck.Create(column, tableLabel, _codeLists, _problems);
            _columnChecks.Add((tableLabel, column.Name), check);
        }

        return check;
    }

    private string KeyCheckNote()
    {
        var largest = _keySets.Count == 0 ? 0 : _keySets.Values.Max(s => s.Hashes.Count);
        var bound = (double)largest * largest / Math.Pow(2, 65);
        return "Keys are compared as trimmed text (dates as ISO dates, numbers as digits) through 64-bit XxHash3 hashes " +
               "of the key tuple, so that tens of millions of keys fit in memory. Two different keys share a hash with " +
               "probability about n²/2^65 for a set of n keys, which could report a false duplicate or hide an orphan; " +
               string.Create(CultureInfo.InvariantCulture, $"the largest key set here holds {largest} keys (bound {bound:G3}).");
    }
}
