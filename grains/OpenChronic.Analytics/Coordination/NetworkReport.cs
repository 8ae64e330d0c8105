namespace OpenChronic.Analytics.Coordination;

/// <summary>
/// What is published of a territory's patient-sharing network: its summary and the centrality of its GPs (aggregates
/// only; no provider is named). <see cref="GpRelativeCentrality"/> is the GPs' mean betweenness over all nodes' mean
/// betweenness (Landon et al. 2012 read PCP relative centrality this way).
/// </summary>
public sealed record NetworkReport(
    NetworkSummary Summary,
    long Persons,
    int Gps,
    int Specialists,
    int Hospitals,
    double GpMeanDegree,
    double GpMeanBetweenness,
    double GpRelativeCentrality);
