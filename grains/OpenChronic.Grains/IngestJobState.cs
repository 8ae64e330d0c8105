namespace OpenChronic.Grains;

/// <summary>Persisted state of an ingest job: the request, the planned units and the reports of the units done.</summary>
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
}
