using OpenChronic.Analytics.Coordination;

namespace OpenChronic.Analytics.Tests.Coordination;

public sealed class NetworkMeasuresTests
{
    private static NetworkMeasures Build() => new(
        new Dictionary<string, ProviderKind>
        {
            ["G1"] = ProviderKind.GeneralPractitioner,
            ["G2"] = ProviderKind.GeneralPractitioner,
            ["H"] = ProviderKind.Hospital,
            ["S"] = ProviderKind.Specialist,
        },
        [new("G1", "H", 5), new("H", "G2", 5), new("G2", "S", 1), new("G1", "X", 9)],
        threshold: 2);

    [Fact]
    public void Summary_MatchesHandComputation()
    {
        // Kept edges G1–H, H–G2 (G2–S below threshold, X unknown): V = 4, E = 2, density = 2·2/(4·3) = 1/3;
        // degrees {0, 1, 1, 2}: min 0, median 1, mean 1, max 2; GP–hospital ties 2.
        var s = Build().Summary();
        Assert.Equal(4, s.Nodes);
        Assert.Equal(2, s.Edges);
        Assert.Equal(1.0 / 3, s.Density, 12);
        Assert.Equal(0, s.MinDegree);
        Assert.Equal(1, s.MedianDegree);
        Assert.Equal(1, s.MeanDegree);
        Assert.Equal(2, s.MaxDegree);
        Assert.Equal(2, s.GpHospitalTies);
    }

    [Fact]
    public void Centrality_HospitalBridgesTheGps()
    {
        // Only shortest path through a node: G1–H–G2 → H betweenness 1, normalised by (V−1)(V−2)/2 = 3 → 1/3; GPs 0.
        var m = Build();
        var hospital = Assert.Single(m.Centrality(ProviderKind.Hospital));
        Assert.Equal(1.0 / 3, hospital.Betweenness, 12);
        Assert.Equal(2, hospital.Degree);
        Assert.All(m.Centrality(ProviderKind.GeneralPractitioner), g => Assert.Equal(0, g.Betweenness));
    }
}
