using System.Collections.Immutable;
using OpenChronic.Domain.Pathways;

namespace OpenChronic.Grains.Tests.Variability;

/// <summary>Wiring of the variability sides of the patient and partition grains: requests reach members, counts come back merged.</summary>
[Collection(ClusterCollection.Name)]
public sealed class VariabilityGrainTests(ClusterFixture fixture)
{
    // Overseas code used by no other grain test, so that the shared cluster's other patients do not blur the counts.
    private const string Departement = "976";
    private static readonly int s_day = new DateOnly(2020, 3, 2).DayNumber;

    private async Task AddDiabetic(byte sex, int hba1cTests)
    {
        var events = new List<CareEvent>
        {
            new(s_day - 400, DateOnly.MaxValue.DayNumber, CareEventKind.AldRegistration, CareEventTraits.None, 0, PackedCode.Pack("E119"), 0, 8),
        };
        for (var i = 0; i < hba1cTests; i++)
        {
            events.Add(new CareEvent(s_day + (30 * i), s_day + (30 * i), CareEventKind.Biology, CareEventTraits.None, 0, PackedCode.Pack("1577"), 0, 1));
        }

        var patient = fixture.Grains.GetGrain<IPatientGrain>(Guid.NewGuid());
        await patient.ApplyUnitAsync(new UnitEvents("IR_IMB_R", EventPack.Pack([.. events]), new PatientProfile(sex, 1950, 1, Departement, "101", null)));
    }

    [Fact]
    public async Task Partitions_CountMemberPatients_PerUnitAndStratum()
    {
        await AddDiabetic(1, 2);
        await AddDiabetic(1, 1);
        await AddDiabetic(2, 3);
        ImmutableArray<VariabilityRequest> requests = [new("hba1c_monitoring_rate", 2020, "departement", new DateOnly(2021, 12, 31).DayNumber)];

        var cells = new List<VariabilityCell>();
        for (var p = 0; p < Partitions.Count; p++)
        {
            cells.AddRange((await fixture.Grains.GetGrain<IPartitionVariability>(p).CountIndicatorsAsync(requests)).Cells.Where(c => c.Unit == Departement));
        }

        // Age 70 in 2020: band 65-74 (index 3); men stratum 10, women 11.
        var men = cells.Where(c => c.Stratum == 10).ToList();
        var women = cells.Where(c => c.Stratum == 11).ToList();
        Assert.Equal((2L, 1L, 2L, 1L), (men.Sum(c => c.Denominator), men.Sum(c => c.Numerator), men.Sum(c => c.Persons), men.Sum(c => c.NumeratorPersons)));
        Assert.Equal((1L, 1L), (women.Sum(c => c.Denominator), women.Sum(c => c.Numerator)));
    }

    [Fact]
    public async Task UnknownIndicator_IsRejectedByThePartition()
    {
        ImmutableArray<VariabilityRequest> requests = [new("no_such_indicator", 2020, "departement", 0)];
        await Assert.ThrowsAsync<ArgumentException>(() => fixture.Grains.GetGrain<IPartitionVariability>(0).CountIndicatorsAsync(requests).AsTask());
    }
}
