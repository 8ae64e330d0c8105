using OpenChronic.Analytics.Coordination;

namespace OpenChronic.Analytics.Tests.Coordination;

public sealed class SharingNetworkTests
{
    private const ulong A = 1;
    private const ulong B = 2;
    private const ulong C = 3;
    private const ulong H = 4;

    // P1 sees GP A, specialist C and hospital H; P2 sees A and H; P3 sees GP B and H.
    // Shared patients: A–C 1, A–H 2, C–H 1, B–H 1.
    private static SharingNetwork Whole()
    {
        var n = new SharingNetwork();
        n.AddPatient([(A, ProviderKind.GeneralPractitioner), (C, ProviderKind.Specialist), (H, ProviderKind.Hospital), (A, ProviderKind.GeneralPractitioner)]);
        n.AddPatient([(A, ProviderKind.GeneralPractitioner), (H, ProviderKind.Hospital)]);
        n.AddPatient([(B, ProviderKind.GeneralPractitioner), (H, ProviderKind.Hospital)]);
        return n;
    }

    [Fact]
    public void AddPatient_CountsSharedPatientsPerPair()
    {
        var n = Whole();
        Assert.Equal(3, n.Persons);
        Assert.Equal(2, n.Shared(H, A));
        Assert.Equal(1, n.Shared(A, C));
        Assert.Equal(0, n.Shared(B, C));
        Assert.Equal(4, n.Pairs.Count);
    }

    [Fact]
    public void CareDensityOf_MatchesPollack()
    {
        // P1: (1 + 2 + 1)/3 pairs; P3: 1/1; a single provider: undefined.
        var n = Whole();
        Assert.Equal(4 / 3.0, n.CareDensityOf([A, C, H]), 12);
        Assert.Equal(1, n.CareDensityOf([B, H]), 12);
        Assert.True(double.IsNaN(n.CareDensityOf([A])));
    }

    [Fact]
    public void Report_Threshold1_MatchesHandComputation()
    {
        // Edges A–C, A–H, C–H, B–H: V = 4, E = 4, density 4/6; GP–hospital ties A–H, B–H. Only H lies on shortest
        // paths (B–A, B–C): betweenness 2 / ((3·2)/2) = 2/3, so GPs have 0; GP degrees 2 and 1.
        var r = Whole().Report(1);
        Assert.Equal(4, r.Summary.Nodes);
        Assert.Equal(4, r.Summary.Edges);
        Assert.Equal(4 / 6.0, r.Summary.Density, 12);
        Assert.Equal(2, r.Summary.GpHospitalTies);
        Assert.Equal(2, r.Gps);
        Assert.Equal(1, r.Specialists);
        Assert.Equal(1, r.Hospitals);
        Assert.Equal(1.5, r.GpMeanDegree, 12);
        Assert.Equal(0, r.GpMeanBetweenness, 12);
        Assert.Equal(0, r.GpRelativeCentrality, 12);
    }

    [Fact]
    public void Report_Threshold2_KeepsOnlyTheHeavyEdge()
    {
        var r = Whole().Report(2);
        Assert.Equal(1, r.Summary.Edges);
        Assert.Equal(2 / 12.0, r.Summary.Density, 12);
        Assert.Equal(1, r.Summary.GpHospitalTies);
    }

    [Fact]
    public void Merge_OfPartitions_EqualsWhole()
    {
        var left = new SharingNetwork();
        left.AddPatient([(A, ProviderKind.GeneralPractitioner), (C, ProviderKind.Specialist), (H, ProviderKind.Hospital)]);
        var right = new SharingNetwork();
        right.AddPatient([(A, ProviderKind.GeneralPractitioner), (H, ProviderKind.Hospital)]);
        right.AddPatient([(B, ProviderKind.GeneralPractitioner), (H, ProviderKind.Hospital)]);
        var wire = new SharingNetwork();
        wire.Add([.. right.Nodes.Keys], [.. right.Nodes.Values.Select(k => (byte)k)], [.. right.Pairs.Keys.Select(p => p.Item2)],
            [.. right.Pairs.Keys.Select(p => p.Item1)], [.. right.Pairs.Values], right.Persons);
        left.Merge(wire);
        var whole = Whole();
        Assert.Equal(whole.Persons, left.Persons);
        Assert.Equal(whole.Pairs.OrderBy(p => p.Key).ToArray(), left.Pairs.OrderBy(p => p.Key).ToArray());
    }
}
