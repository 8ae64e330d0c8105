using OpenChronic.Domain.Pathways;
using OpenChronic.Grains.Prediction;

namespace OpenChronic.Grains.Tests.Prediction;

[Collection(ClusterCollection.Name)]
public sealed class FeatureGrainTests(ClusterFixture fixture)
{
    private static readonly int s_index = new DateOnly(2020, 1, 1).DayNumber;

    private static CareEvent Dispensation(int day) => new(day, day, CareEventKind.Dispensation, CareEventTraits.None, 0, PackedCode.Pack("A10BA02"), 3400930000001, 1);

    private static CareEvent Ald(int day, int number) =>
        new(day, DateOnly.MaxValue.DayNumber, CareEventKind.AldRegistration, CareEventTraits.None, 0, PackedCode.Pack("E119"), 0, number);

    [Fact]
    public async Task ExtractFeatures_Partitions_ReturnKeylessRowsWithLabelsAndReference()
    {
        var sick = Guid.NewGuid();
        var well = Guid.NewGuid();
        var child = Guid.NewGuid();
        await fixture.Grains.GetGrain<IPatientGrain>(sick).ApplyUnitAsync(new UnitEvents("IR_BEN_R",
            EventPack.Pack([Dispensation(s_index - 20), Ald(s_index + 60, 8)]), new PatientProfile(1, 1950, 1, "059", "350", null)));
        await fixture.Grains.GetGrain<IPatientGrain>(well).ApplyUnitAsync(new UnitEvents("IR_BEN_R",
            EventPack.Pack([Dispensation(s_index - 200)]), new PatientProfile(2, 1970, 1, "075", "101", null)));
        await fixture.Grains.GetGrain<IPatientGrain>(child).ApplyUnitAsync(new UnitEvents("IR_BEN_R",
            EventPack.Pack([Dispensation(s_index - 20)]), new PatientProfile(2, 2015, 1, "075", "101", null)));
        // The sick person is in a diabetes phase (onset 60 days after index) with no lone glycaemia test: the oracle
        // gives them their previous-year risk.
        var reference = new Dictionary<Guid, TruthReference>
        {
            [sick] = new(0.5f, [new PreclinicalPhaseRecord(8, s_index - 210, s_index + 60, 0.5f, 0.002f)]),
            [well] = new(0.01f, []),
            [child] = new(0.2f, []),
        };
        var request = new FeatureRequest(8, 2020, 365, 365, 18);

        var messages = await Task.WhenAll(Enumerable.Range(0, Partitions.Count)
            .Select(p => fixture.Grains.GetGrain<IPartitionFeatures>(p).ExtractFeaturesAsync(request, reference).AsTask()));
        var merged = FeatureWire.ToBlock(FeatureWire.Merge(messages));

        var ours = Enumerable.Range(0, merged.Rows).Where(r => !float.IsNaN(merged.Reference[r])).ToArray();
        Assert.Equal(2, ours.Length);
        Assert.True(merged.Labels[ours.Single(r => merged.Reference[r] == 0.5f)]);
        Assert.False(merged.Labels[ours.Single(r => merged.Reference[r] == 0.01f)]);
        Assert.Equal(0.002f, merged.Oracle[ours.Single(r => merged.Reference[r] == 0.5f)], 6);
        Assert.Equal(0.01f, merged.Oracle[ours.Single(r => merged.Reference[r] == 0.01f)], 6);
        Assert.Contains("atc3:A10B@30", merged.Names);
        Assert.DoesNotContain(merged.Names, n => n.Contains(sick.ToString("N"), StringComparison.Ordinal));
        Assert.True(FeatureWire.Merge(messages).Attrition[3] >= 1);
    }
}
