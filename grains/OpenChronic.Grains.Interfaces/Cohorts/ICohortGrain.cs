using System.Collections.Immutable;
using Orleans.Concurrency;

namespace OpenChronic.Grains;

/// <summary>
/// A named cohort (key = cohort name): its definition, attrition table and releases. Every release goes through the
/// privacy policy given with it; a release that would break the policy is refused with the reason, and accepted
/// releases are immutable and recorded.
/// </summary>
[Alias("OpenChronic.ICohortGrain")]
public interface ICohortGrain : IGrainWithStringKey
{
    /// <summary>Records the definition (JSON; its name must be the grain key) and counts its attrition over all partitions.</summary>
    [Alias("Define")]
    ValueTask<CohortDefineReply> DefineAsync(string definitionJson);

    /// <summary>
    /// Restores a cohort recorded outside this grid (definition and releases already published over the same
    /// database): the next release gets the following number and is checked against these releases' ledger,
    /// which is rebuilt by evaluating the definition again.
    /// </summary>
    [Alias("Restore")]
    ValueTask<CohortDefineReply> RestoreAsync(string definitionJson, ImmutableArray<ReleaseSummary> releases);

    /// <summary>The cohort as recorded, or null when it was never defined.</summary>
    [Alias("GetInfo")]
    ValueTask<CohortInfo?> GetInfoAsync();

    /// <summary>
    /// Gathers the members from the partitions, applies the policy (k-anonymity, l-diversity, k^m on pathway codes,
    /// cell suppression including differencing with earlier releases of any cohort) and writes release n+1 under the
    /// output root; refuses with the reason when the policy is invalid or not met.
    /// </summary>
    [Alias("Release")]
    ValueTask<ReleaseReply> ReleaseAsync(ReleaseRequest request);

    /// <summary>The cross-release ledgers of this cohort's releases (grid-internal, for other cohorts' releases).</summary>
    [Alias("GetLedgers")]
    [AlwaysInterleave]
    ValueTask<ImmutableArray<ReleaseLedgerWire>> GetLedgersAsync();
}

/// <summary>The list of defined cohorts (key 0), so that a release can be checked against every earlier release.</summary>
[Alias("OpenChronic.ICohortRegistryGrain")]
public interface ICohortRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>Adds a cohort name (idempotent).</summary>
    [Alias("Register")]
    ValueTask RegisterAsync(string cohort);

    /// <summary>The cohort names, sorted.</summary>
    [Alias("List")]
    ValueTask<ImmutableArray<string>> ListAsync();
}
