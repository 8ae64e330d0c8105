namespace OpenChronic.Analytics.Coordination;

/// <summary>Kind of node in a patient-sharing network.</summary>
public enum ProviderKind
{
    /// <summary>General practitioner.</summary>
    GeneralPractitioner,

    /// <summary>Other ambulatory specialist.</summary>
    Specialist,

    /// <summary>Hospital (establishment).</summary>
    Hospital,
}

/// <summary>Weighted undirected edge: number of shared patients between two providers.</summary>
public readonly record struct SharingEdge(string From, string To, long SharedPatients);

/// <summary>Summary of a thresholded network: nodes, edges, density, degree min/median/mean/max and GP–hospital ties.</summary>
public readonly record struct NetworkSummary(int Nodes, int Edges, double Density, int MinDegree, double MedianDegree, double MeanDegree, int MaxDegree, int GpHospitalTies);

/// <summary>Degree and normalised betweenness centrality of one node.</summary>
public readonly record struct NodeCentrality(string Id, ProviderKind Kind, int Degree, double Betweenness);
