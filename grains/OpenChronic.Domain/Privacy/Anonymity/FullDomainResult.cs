using System.Collections.Immutable;

namespace OpenChronic.Domain.Privacy.Anonymity;

/// <summary>
/// The outcome of an optimal full-domain search: the chosen generalization levels (null when no node of the
/// lattice satisfies the policy), the utility report of that node, and how much work the search did.
/// </summary>
public sealed record FullDomainResult(
    ImmutableArray<int>? Levels,
    UtilityReport? Utility,
    InformationLossMetric Metric,
    int NodesInLattice,
    int NodesChecked,
    int NodesSatisfying)
{
    public bool Found => Levels is not null;
}
