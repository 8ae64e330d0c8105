using System.Collections.Immutable;

namespace OpenChronic.Grains;

/// <summary>
/// A cohort definition (JSON text) sent to partitions and patients. <see cref="ReleaseSalt"/> names the release the
/// member rows are for (their pseudonyms are keyed per release); members are returned only when
/// <see cref="IncludeMembers"/> is set, otherwise only attrition counts.
/// </summary>
[GenerateSerializer, Immutable, Alias("OpenChronic.CohortQuery")]
public sealed record CohortQuery(
    [property: Id(0)] string DefinitionJson,
    [property: Id(1)] string ReleaseSalt,
    [property: Id(2)] bool IncludeMembers);

/// <summary>
/// A member row computed in the grid: a per-release keyed pseudonym (the only key that reaches a release), a 64-bit
/// person hash kept in the grid for the cross-release ledger, the quasi-identifiers, sensitive attributes and the
/// pathway codes of the follow-up.
/// </summary>
[GenerateSerializer, Immutable, Alias("OpenChronic.CohortMemberWire")]
public sealed record CohortMemberWire(
    [property: Id(0)] Guid Pseudonym,
    [property: Id(1)] ulong PersonHash,
    [property: Id(2)] int Age,
    [property: Id(3)] byte Sex,
    [property: Id(4)] string Departement,
    [property: Id(5)] string Commune,
    [property: Id(6)] int IndexDay,
    [property: Id(7)] string Comorbidities,
    [property: Id(8)] int HospitalEpisodes,
    [property: Id(9)] bool Deceased,
    [property: Id(10)] ImmutableArray<string> Codes);

/// <summary>One patient's evaluation: the attrition step they dropped out at (-1 when a member) and their row.</summary>
[GenerateSerializer, Immutable, Alias("OpenChronic.PatientCohortResult")]
public sealed record PatientCohortResult([property: Id(0)] int FailedStep, [property: Id(1)] CohortMemberWire? Member);

/// <summary>A partition's merged evaluation: its persons, how many dropped out at each step, and the member rows.</summary>
[GenerateSerializer, Immutable, Alias("OpenChronic.PartitionCohortResult")]
public sealed record PartitionCohortResult(
    [property: Id(0)] long Persons,
    [property: Id(1)] ImmutableArray<long> FailedAtStep,
    [property: Id(2)] ImmutableArray<CohortMemberWire> Members);

/// <summary>A line of an attrition table.</summary>
[GenerateSerializer, Immutable, Alias("OpenChronic.AttritionStepWire")]
public sealed record AttritionStepWire([property: Id(0)] string Name, [property: Id(1)] long Remaining, [property: Id(2)] long Removed);

/// <summary>A recorded release: number, directory, policy name, time, published and suppressed persons, achieved k.</summary>
[GenerateSerializer, Immutable, Alias("OpenChronic.ReleaseSummary")]
public sealed record ReleaseSummary(
    [property: Id(0)] int Number,
    [property: Id(1)] string Directory,
    [property: Id(2)] string Policy,
    [property: Id(3)] DateTimeOffset Created,
    [property: Id(4)] int Published,
    [property: Id(5)] int Suppressed,
    [property: Id(6)] int AchievedK);

/// <summary>A cohort as recorded: definition, last attrition table (from all persons of the grid) and releases.</summary>
[GenerateSerializer, Immutable, Alias("OpenChronic.CohortInfo")]
public sealed record CohortInfo(
    [property: Id(0)] string Name,
    [property: Id(1)] string Label,
    [property: Id(2)] string DefinitionJson,
    [property: Id(3)] long Persons,
    [property: Id(4)] ImmutableArray<AttritionStepWire> Attrition,
    [property: Id(5)] ImmutableArray<ReleaseSummary> Releases);

/// <summary>The answer to a definition: the cohort, or why the definition was refused.</summary>
[GenerateSerializer, Immutable, Alias("OpenChronic.CohortDefineReply")]
public sealed record CohortDefineReply([property: Id(0)] CohortInfo? Cohort, [property: Id(1)] string? Error);

/// <summary>A release request: the policy (JSON text) and the root directory releases are written under.</summary>
[GenerateSerializer, Immutable, Alias("OpenChronic.ReleaseRequest")]
public sealed record ReleaseRequest([property: Id(0)] string PolicyJson, [property: Id(1)] string OutputRoot);

/// <summary>The answer to a release request: the recorded release, or the reason it was refused.</summary>
[GenerateSerializer, Immutable, Alias("OpenChronic.ReleaseReply")]
public sealed record ReleaseReply([property: Id(0)] ReleaseSummary? Release, [property: Id(1)] string? Refusal);

/// <summary>
/// What the grid keeps of a release against differencing: members' person hashes and, per aggregate table, their
/// cells. Never leaves the grid.
/// </summary>
[GenerateSerializer, Immutable, Alias("OpenChronic.ReleaseLedgerWire")]
public sealed record ReleaseLedgerWire(
    [property: Id(0)] ImmutableArray<ulong> PersonHashes,
    [property: Id(1)] ImmutableArray<string> Tables,
    [property: Id(2)] ImmutableArray<ImmutableArray<int>> Cells);
