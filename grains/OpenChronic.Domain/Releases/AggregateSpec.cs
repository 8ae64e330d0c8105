using System.Collections.Immutable;
using OpenChronic.Domain.Cohorts;
using OpenChronic.Domain.Snds;

namespace OpenChronic.Domain.Releases;

/// <summary>
/// An aggregate table of a release: fixed row and column labels (the same for every cohort and release, so that
/// releases can be compared cell by cell) and the cell a member falls in.
/// </summary>
public sealed record AggregateSpec(string Name, ImmutableArray<string> Rows, ImmutableArray<string> Columns, Func<CohortMember, (int Row, int Column)> CellOf)
{
    private static readonly ImmutableArray<string> s_sexes = ["1", "2", "0"];
    private static readonly ImmutableArray<string> s_ageBands =
        [.. Enumerable.Range(0, 10).Select(d => $"{d * 10}-{(d * 10) + 9}"), "100+"];

    /// <summary>
    /// The tables every release carries: persons by 10-year age band at the index date × sex, and by région of
    /// residence (<c>IR_DPT_V.GEO_REG_COD</c>, plus <c>unknown</c>) × sex.
    /// </summary>
    public static ImmutableArray<AggregateSpec> Standard { get; } = Build();

    private static ImmutableArray<AggregateSpec> Build()
    {
        var departements = NomenclatureSet.Default.Get("IR_DPT_V");
        var regionOf = departements.Codes.ToDictionary(d => d, d => departements.Value(d, "GEO_REG_COD") ?? "unknown", StringComparer.Ordinal);
        ImmutableArray<string> regions = [.. regionOf.Values.Where(r => r != "unknown").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal), "unknown"];
        var regionIndex = regions.Select((r, i) => (r, i)).ToDictionary(p => p.r, p => p.i, StringComparer.Ordinal);
        return
        [
            new AggregateSpec("age_sex", s_ageBands, s_sexes, m => (Math.Clamp(m.Age, 0, 100) / 10, SexColumn(m))),
            new AggregateSpec("region_sex", regions, s_sexes,
                m => (regionIndex[regionOf.GetValueOrDefault(m.Departement, "unknown")], SexColumn(m))),
        ];
    }

    private static int SexColumn(CohortMember m) => m.Sex switch { 1 => 0, 2 => 1, _ => 2 };
}
