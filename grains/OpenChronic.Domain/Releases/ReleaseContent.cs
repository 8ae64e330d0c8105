using System.Collections.Immutable;
using OpenChronic.Domain.Cohorts;
using OpenChronic.Domain.Privacy.Anonymity;

namespace OpenChronic.Domain.Releases;

/// <summary>
/// A cohort member handed to the release builder: the per-release keyed pseudonym (computed in the grid, the only
/// key that may appear in a release), a 64-bit person hash that never leaves the grid (for the cross-release ledger),
/// and the member row.
/// </summary>
public sealed record ReleaseMember(Guid Pseudonym, ulong PersonHash, CohortMember Row);

/// <summary>
/// An aggregate table of distinct-person counts after cell suppression, with the cell each member fell in (row ×
/// columns + column, aligned with the members' order) for the ledger that later releases are checked against.
/// </summary>
public sealed record AggregateTable(
    string Name,
    ImmutableArray<string> RowLabels,
    ImmutableArray<string> ColumnLabels,
    CellSuppressionResult Cells,
    int ForcedByEarlierReleases);

/// <summary>What one release holds in memory before it is written: microdata, aggregate tables and the figures of the manifest.</summary>
public sealed record ReleaseContent(
    string Cohort,
    int Number,
    ImmutableArray<string> Columns,
    ImmutableArray<ImmutableArray<string>> Rows,
    ImmutableArray<AggregateTable> Tables,
    ImmutableArray<ReleaseLevel> Levels,
    int CohortPersons,
    int SuppressedRecords,
    ReleaseUtility Utility,
    ReleaseLedger Ledger);

/// <summary>
/// What the grid remembers of a release to protect later ones against differencing: the members' person hashes and,
/// per aggregate table, the cell of each (index into the table without margins), aligned with the hashes.
/// </summary>
public sealed record ReleaseLedger(ImmutableArray<ulong> PersonHashes, ImmutableDictionary<string, ImmutableArray<int>> Cells);

/// <summary>The outcome of building a release: the content, or the reason it is refused.</summary>
public sealed record ReleaseBuildResult(ReleaseContent? Content, string? Refusal)
{
    public bool Accepted => Content is not null;
}
