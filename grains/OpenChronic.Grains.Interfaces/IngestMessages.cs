using System.Collections.Immutable;

namespace OpenChronic.Grains;

/// <summary>What to ingest: an extract folder, where to write the rejects, the years to derive.</summary>
/// <param name="ExtractDirectory">The extract folder, readable by every silo (shared storage in a cluster).</param>
/// <param name="RejectsDirectory">Folder for one rejects CSV per unit (<c>unit;file;row;column;reason</c>).</param>
[GenerateSerializer, Immutable, Alias("OpenChronic.IngestRequest")]
public sealed record IngestRequest([property: Id(0)] string ExtractDirectory, [property: Id(1)] string RejectsDirectory);

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

/// <summary>Where an ingest job stands.</summary>
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
    [property: Id(8)] ImmutableArray<UnitReport> Units)
{
    public bool IsFinished => Status is "completed" or "failed";
}
