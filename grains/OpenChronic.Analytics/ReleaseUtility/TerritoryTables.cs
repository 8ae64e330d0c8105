using System.Collections.Immutable;
using System.Globalization;
using OpenChronic.Domain.Privacy.Anonymity;
using OpenChronic.Domain.Privacy.DifferentialPrivacy;
using OpenChronic.Domain.Releases.EventLevel;

namespace OpenChronic.Analytics.ReleaseUtility;

/// <summary>
/// The per-territory tables published beside the event-level rows (<c>territories.csv</c>, long format: territory,
/// table, column, persons; an empty count is suppressed): per département, the released persons split by the
/// variability indicators (<c>stay</c>, <c>biology</c>, <c>act</c>, <c>drug</c> = the scope's most common drug class:
/// yes / no) and by the coordination measures (<see cref="ReleaseCoordination"/>), with each row's <c>total</c> and
/// the national row <c>FR</c>. Two release gates, as the policy says (<see cref="EventReleasePolicy.TableGate"/>):
/// <list type="bullet">
/// <item><c>suppression</c>: each table is small-cell suppressed with complementary suppression
/// (<see cref="CellSuppression"/>, 11 distinct persons) on its margins; tables of one universe share the département
/// totals, so a total hidden in one is forced hidden in the others and they are re-suppressed until none changes.</item>
/// <item><c>dp</c>: every cell of every département of a public list (the nomenclature, not the data) gets discrete
/// Laplace noise (<see cref="DpCountRelease.WithExplicitKeys"/>, scale 1/ε: a person is in one cell of a table, so a
/// table has L1 sensitivity 1 and costs ε; the tables compose to ε × tables); noisy counts are clamped at 0 and the
/// totals and the national row are sums of the published cells (post-processing).</item>
/// </list>
/// The event rows carry no territory finer than the release's level, so a table cannot be joined to a row.
/// </summary>
public static class TerritoryTables
{
    public const string FileName = EventReleaseVerifier.TablesCsv;

    public const string National = "FR";

    public static IReadOnlyList<string> Columns { get; } = ["territory", "table", "column", "persons"];

    /// <summary>The variability tables (universe: every released person).</summary>
    public static IReadOnlyList<TerritoryTableSpec> Variability { get; } =
        [.. ((string[])["stay", "biology", "act", "drug"]).Select(n => new TerritoryTableSpec(n, ["yes", "no"], [1, 0], "persons", "variability"))];

    /// <summary>The variability columns of a person (yes = 0, no = 1, in the order of <see cref="Variability"/>) and their values.</summary>
    public static (int[] Columns, double[] Values) VariabilityOf(IReadOnlyList<(string Code, string Period)> items, string topDrug)
    {
        ArgumentNullException.ThrowIfNull(items);
        var has = ((string[])["ghm:", "nabm:", "ccam:", topDrug]).Select(p => items.Any(i => i.Code.StartsWith(p, StringComparison.Ordinal))).ToArray();
        return ([.. has.Select(h => h ? 0 : 1)], [.. has.Select(h => h ? 1.0 : 0.0)]);
    }

    /// <summary>The counts per table: [table][territory, column], territories in ordinal order.</summary>
    public static (string[] Territories, long[][,] Counts) Count(IReadOnlyList<TerritoryTableSpec> specs, IReadOnlyList<TablePerson> persons, IEnumerable<string>? territories = null)
    {
        ArgumentNullException.ThrowIfNull(specs);
        ArgumentNullException.ThrowIfNull(persons);
        var names = (territories ?? persons.Select(p => p.Departement)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var index = names.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i, StringComparer.Ordinal);
        var counts = specs.Select(s => new long[names.Length, s.Columns.Length]).ToArray();
        foreach (var person in persons)
        {
            if (!index.TryGetValue(person.Departement, out var t))
            {
                continue;
            }

            for (var i = 0; i < specs.Count; i++)
            {
                if (person.Columns[i] >= 0)
                {
                    counts[i][t, person.Columns[i]]++;
                }
            }
        }

        return (names, counts);
    }

    /// <summary>The tables under the suppression gate (cells under <paramref name="threshold"/> distinct persons, complementary suppression).</summary>
    public static IReadOnlyList<TerritoryCell> Suppress(IReadOnlyList<TerritoryTableSpec> specs, IReadOnlyList<TablePerson> persons, int threshold = CellSuppression.DefaultThreshold)
    {
        var (territories, counts) = Count(specs, persons);
        if (territories.Length == 0)
        {
            return [];
        }

        var hidden = specs.Select(s => s.Universe).Distinct(StringComparer.Ordinal).ToDictionary(u => u, _ => new HashSet<int>(), StringComparer.Ordinal);
        CellSuppressionResult[] results;
        bool changed;
        do
        {
            changed = false;
            results = [.. specs.Select((s, i) => CellSuppression.Apply(counts[i], threshold, [.. hidden[s.Universe].Select(t => (t, s.Columns.Length))]))];
            for (var t = 0; t < territories.Length; t++)
            {
                for (var i = 0; i < specs.Count; i++)
                {
                    changed |= results[i].Published(t, specs[i].Columns.Length) is null && hidden[specs[i].Universe].Add(t);
                }
            }
        }
        while (changed);

        return Cells(specs, territories, (i, t, c) => results[i].Published(t, c));
    }

    /// <summary>
    /// The tables under the differential-privacy gate: every (département of <paramref name="keys"/>, column) cell of
    /// every table with discrete Laplace noise for ε = <paramref name="epsilon"/> per table, clamped at 0; totals and
    /// the national row summed from the published cells. Persons whose département is not listed are not counted.
    /// </summary>
    public static IReadOnlyList<TerritoryCell> AddNoise(
        IReadOnlyList<TerritoryTableSpec> specs, IReadOnlyList<TablePerson> persons, double epsilon, IReadOnlyCollection<string> keys, IRandomBits bits)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(bits);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epsilon);
        var (territories, counts) = Count(specs, persons, keys);
        var noise = DiscreteLaplace.ForEpsilon(Rational.FromDouble(epsilon), 1);
        var noisy = new long[specs.Count][,];
        for (var i = 0; i < specs.Count; i++)
        {
            var spec = specs[i];
            var totals = new Dictionary<string, long>(StringComparer.Ordinal);
            var cellKeys = new List<string>();
            for (var t = 0; t < territories.Length; t++)
            {
                for (var c = 0; c < spec.Columns.Length; c++)
                {
                    cellKeys.Add(Key(territories[t], c));
                    if (counts[i][t, c] > 0)
                    {
                        totals[Key(territories[t], c)] = counts[i][t, c];
                    }
                }
            }

            // every person is in one cell of a table: the totals are already bounded (L0 = 1, L∞ = 1)
            var bounded = new BoundedContributions(new ContributionBounds(1, 1), totals.ToImmutableSortedDictionary(StringComparer.Ordinal),
                persons.Count, 0, 0, 0, 0);
            var release = DpCountRelease.WithExplicitKeys(bounded, cellKeys, noise, bits).Counts.ToDictionary(n => n.Key, n => Math.Max(0, n.Value), StringComparer.Ordinal);
            noisy[i] = new long[territories.Length, spec.Columns.Length];
            for (var t = 0; t < territories.Length; t++)
            {
                for (var c = 0; c < spec.Columns.Length; c++)
                {
                    noisy[i][t, c] = release[Key(territories[t], c)];
                }
            }
        }

        return Cells(specs, territories, (i, t, c) =>
        {
            long Sum(int row, int column) => row < territories.Length ? noisy[i][row, column] : Enumerable.Range(0, territories.Length).Sum(r => noisy[i][r, column]);
            return c < specs[i].Columns.Length ? Sum(t, c) : Enumerable.Range(0, specs[i].Columns.Length).Sum(col => Sum(t, col));
        });
    }

    private static string Key(string territory, int column) => territory + "|" + column.ToString(CultureInfo.InvariantCulture);

    private static List<TerritoryCell> Cells(IReadOnlyList<TerritoryTableSpec> specs, string[] territories, Func<int, int, int, long?> value)
    {
        var rows = new List<TerritoryCell>();
        for (var i = 0; i < specs.Count; i++)
        {
            for (var t = 0; t <= territories.Length; t++)
            {
                for (var c = 0; c <= specs[i].Columns.Length; c++)
                {
                    rows.Add(new TerritoryCell(t < territories.Length ? territories[t] : National, specs[i].Name, c < specs[i].Columns.Length ? specs[i].Columns[c] : "total", value(i, t, c)));
                }
            }
        }

        return rows;
    }
}
