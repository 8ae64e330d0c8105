using OpenChronic.Analytics.Coordination;
using static OpenChronic.Analytics.Tests.Coordination.CoordinationEvents;

namespace OpenChronic.Analytics.Tests.Coordination;

public sealed class DischargeFollowUpTests
{
    private const ulong E1 = 750000011;
    private const ulong E2 = 750000029;
    private const ulong E3 = 750000037;

    private static readonly TransitionOptions s_options = TransitionOptions.Default with { LastObservedDay = Day(2020, 12, 31) };

    [Fact]
    public void Find_HandMadePathway_MatchesHandComputation()
    {
        var timeline = Sorted(
            Visit(Day(2019, 12, 31), 1, "A"),
            Stay(Day(2020, 1, 10), Day(2020, 1, 15), E1), Principal(Day(2020, 1, 10), E1, "I500"),
            Visit(Day(2020, 1, 20), 1, "A"),
            Visit(Day(2020, 1, 30), 3, "C"),
            // A readmission 17 days after discharge: not an index stay itself.
            Stay(Day(2020, 2, 1), Day(2020, 2, 5), E1), Principal(Day(2020, 2, 1), E1, "I500"),
            // A transfer chain: pneumonia at E2, then heart failure at E3; index stay Jun 1 – Jun 10 at E3.
            Stay(Day(2020, 6, 1), Day(2020, 6, 3), E2), Principal(Day(2020, 6, 1), E2, "J189"),
            Stay(Day(2020, 6, 3), Day(2020, 6, 10), E3), Principal(Day(2020, 6, 3), E3, "I501"),
            Visit(Day(2020, 6, 11), 1, "H", hospital: true),
            Visit(Day(2020, 6, 25), 1, "B"),
            Visit(Day(2020, 8, 12), 1, "A"),
            // Follow-up past the end of the data: not an index stay.
            Stay(Day(2020, 12, 10), Day(2020, 12, 12), E1), Principal(Day(2020, 12, 10), E1, "I500"));

        var stays = DischargeFollowUp.Find(timeline, s_options);

        Assert.Equal(2, stays.Count);
        Assert.Equal(new IndexStay(Day(2020, 1, 10), Day(2020, 1, 15), E1, 5, 15, 17, true, null), stays[0]);
        Assert.Equal(new IndexStay(Day(2020, 6, 1), Day(2020, 6, 10), E3, 15, null, 183, false, true), stays[1]);
        Assert.True(stays[0].GpWithin(7));
        Assert.False(stays[0].SpecialistWithin(7));
        Assert.True(stays[0].SpecialistWithin(30));
        Assert.True(stays[0].ReadmittedWithin(30));
        Assert.False(stays[1].GpWithin(7));
        Assert.True(stays[1].GpWithin(30));
    }

    [Fact]
    public void Find_DeathAtDischarge_IsNotIndex()
    {
        var timeline = Sorted(Stay(Day(2020, 3, 1), Day(2020, 3, 9), E1), Principal(Day(2020, 3, 1), E1, "I500"), Death(Day(2020, 3, 9)));
        Assert.Empty(DischargeFollowUp.Find(timeline, s_options));
    }

    [Fact]
    public void Find_OtherDiagnosis_IsNotIndex()
    {
        var timeline = Sorted(Stay(Day(2020, 3, 1), Day(2020, 3, 9), E1), Principal(Day(2020, 3, 1), E1, "K358"));
        Assert.Empty(DischargeFollowUp.Find(timeline, s_options));
        Assert.Single(DischargeFollowUp.Find(timeline, s_options with { PrincipalDiagnoses = ["K35"] }));
    }

    [Fact]
    public void Find_PriorWindowParameter_ChangesPriorGp()
    {
        // GP 20 days before admission: inside a 30-day window, outside a 14-day one.
        var timeline = Sorted(Visit(Day(2020, 2, 10), 1, "A"), Stay(Day(2020, 3, 1), Day(2020, 3, 4), E1), Principal(Day(2020, 3, 1), E1, "I500"));
        Assert.True(DischargeFollowUp.Find(timeline, s_options)[0].PriorGp);
        Assert.False(DischargeFollowUp.Find(timeline, s_options with { PriorWindowDays = 14 })[0].PriorGp);
    }
}
