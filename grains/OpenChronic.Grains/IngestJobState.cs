namespace OpenChronic.Grains;

/// <summary>
/// Persisted state of an ingest job: the request, the planned units, the reports of the units done (in completion
/// order) and how many of them (a prefix of <see cref="Done"/>) are committed in the patients.
/// </summary>
[GenerateSerializer, Alias("OpenChronic.IngestJobState")]
public sealed class IngestJobState
{
    [Id(0)]
    public IngestRequest? Request { get; set; }

    [Id(1)]
    public string[] Units { get; set; } = [];

    [Id(2)]
    public List<UnitReport> Done { get; set; } = [];

    [Id(3)]
    public string Status { get; set; } = "new";

    [Id(4)]
    public string? Error { get; set; }

    [Id(5)]
    public double Seconds { get; set; }

    /// <summary>The first <c>CommittedUnits</c> reports of <see cref="Done"/> are durable in every patient.</summary>
    [Id(6)]
    public int CommittedUnits { get; set; }

    [Id(7)]
    public double CommitSeconds { get; set; }
}
