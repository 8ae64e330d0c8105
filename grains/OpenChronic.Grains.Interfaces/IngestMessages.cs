using System.Collections.Immutable;

namespace OpenChronic.Grains;

/// <summary>What to ingest: an extract folder, where to write the rejects, how often to commit patients.</summary>
/// <param name="ExtractDirectory">The extract folder, readable by every silo (shared storage in a cluster).</param>
/// <param name="RejectsDirectory">Folder for one rejects CSV per unit (<c>unit;file;row;column;reason</c>).</param>
/// <param name="CommitEvery">
/// Units between two commits of every patient (a checkpoint: what a restart would not redo); 0 commits once, at the
/// end of the job. Each commit writes every patient touched since the previous one, so small values cost writes.
/// </param>
[GenerateSerializer, Immutable, Alias("OpenChronic.IngestRequest")]
public sealed record IngestRequest(
    [property: Id(0)] string ExtractDirectory,
    [property: Id(1)] string RejectsDirectory,
    [property: Id(2)] int CommitEvery = 0);

/// <summary>What one work unit did. No identifier: only counts.</summary>
[GenerateSerializer, Immutable, Alias("OpenChronic.UnitReport")]
public sealed record UnitReport(
    [property: Id(0)] string UnitId,
    [property: Id(1)] long SourceRows,
    [property: Id(2)] long KeptRows,
    [property: Id(3)] ImmutableDictionary<string, long> Filtered,
    [property: Id(4)] long RejectedRows,
    [property: Id(5)] int Patients,
    [property: Id(6)] long Events,
    [property: Id(7)] double Seconds);

/// <summary>
/// Where an ingest job stands. <see cref="UnitsCommitted"/> units are durable in the patients (the first ones of
/// <see cref="Units"/>); <see cref="CommitSeconds"/> is the time spent committing patients, within <see cref="Seconds"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("OpenChronic.IngestProgress")]
public sealed record IngestProgress(
    [property: Id(0)] string Status,
    [property: Id(1)] int UnitsDone,
    [property: Id(2)] int UnitsTotal,
    [property: Id(3)] long SourceRows,
    [property: Id(4)] long Events,
    [property: Id(5)] long RejectedRows,
    [property: Id(6)] double Seconds,
    [property: Id(7)] string? Error,
    [property: Id(8)] ImmutableArray<UnitReport> Units,
    [property: Id(9)] int UnitsCommitted,
    [property: Id(10)] double CommitSeconds)
{
    public bool IsFinished => Status is "completed" or "failed";
}
