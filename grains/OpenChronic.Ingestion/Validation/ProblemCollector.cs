using System.Collections.Immutable;

namespace OpenChronic.Ingestion.Validation;

/// <summary>
/// Gathers problems by (kind, table, column): a count and the first few located examples.
/// Callers keep the <see cref="ProblemTally"/> they get, so that a hot loop only increments a counter.
/// </summary>
internal sealed class ProblemCollector(int maxExamples)
{
    private readonly Dictionary<(ValidationProblemKind Kind, string Table, string? Column), ProblemTally> _tallies = [];

    public ProblemTally Tally(ValidationProblemKind kind, string table, string? column, string detail)
    {
        if (!_tallies.TryGetValue((kind, table, column), out var tally))
        {
            tally = new ProblemTally(kind, table, column, detail, maxExamples);
            _tallies.Add((kind, table, column), tally);
        }

        return tally;
    }

    /// <summary>Counts one occurrence, with its example when more are wanted.</summary>
    public void Add(ValidationProblemKind kind, string table, string? column, string detail, ProblemExample example) =>
        Tally(kind, table, column, detail).Add(example);

    /// <summary>Problems, errors first, then by table, column and kind.</summary>
    public ImmutableArray<ValidationProblem> ToProblems() =>
    [
        .. _tallies.Values
            .Where(t => t.Count > 0)
            .Select(t => t.ToProblem())
            .OrderByDescending(p => p.Severity)
            .ThenBy(p => p.Table, StringComparer.Ordinal)
            .ThenBy(p => p.Column, StringComparer.Ordinal)
            .ThenBy(p => p.Kind),
    ];
}

/// <summary>The running count and examples of one problem.</summary>
internal sealed class ProblemTally(ValidationProblemKind kind, string table, string? column, string detail, int maxExamples)
{
    private readonly List<ProblemExample> _examples = [];

    public long Count { get; private set; }

    /// <summary>True while examples are still kept: callers build one only then.</summary>
    public bool WantsExample => _examples.Count < maxExamples;

    public void Add(ProblemExample example)
    {
        Count++;
        if (WantsExample)
        {
            _examples.Add(example);
        }
    }

    /// <summary>
    /// Counts one occurrence, keeping it as an example only when no example has its value yet, so that the
    /// examples of a code problem show different codes. Gives up looking after a thousand occurrences.
    /// </summary>
    public void AddDistinct(ProblemExample example)
    {
        Count++;
        if (WantsExample && (Count > 1000 || !_examples.Exists(e => e.Value == example.Value)))
        {
            _examples.Add(example);
        }
    }

    /// <summary>Counts one occurrence without an example (when <see cref="WantsExample"/> is false).</summary>
    public void Increment() => Count++;

    public ValidationProblem ToProblem() =>
        new(kind.Severity(), kind, table, column, Count, detail, [.. _examples]);
}
