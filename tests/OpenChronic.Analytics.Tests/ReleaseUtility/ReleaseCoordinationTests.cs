using OpenChronic.Analytics.Coordination;
using OpenChronic.Analytics.ReleaseUtility;
using OpenChronic.Analytics.Tests.Coordination;

namespace OpenChronic.Analytics.Tests.ReleaseUtility;

public sealed class ReleaseCoordinationTests
{
    private static readonly DateOnly s_from = new(2020, 1, 1);
    private static readonly DateOnly s_to = new(2020, 12, 31);
    private static readonly TransitionOptions s_options = TransitionOptions.Default with { LastObservedDay = s_to.DayNumber };

    [Fact]
    public void Of_HeartFailureStayWithGpOnDayThree_FollowedWithinSevenAndThirtyDays()
    {
        var admission = CoordinationEvents.Day(2020, 3, 1);
        var discharge = CoordinationEvents.Day(2020, 3, 5);
        var events = CoordinationEvents.Sorted(
            CoordinationEvents.Stay(admission, discharge, 7), CoordinationEvents.Principal(admission, 7, "I500"),
            CoordinationEvents.Visit(discharge + 3, 1, "GP-A"), CoordinationEvents.Visit(discharge + 40, 1, "GP-A"), CoordinationEvents.Visit(discharge + 60, 3, "CARDIO"));

        var (columns, values) = ReleaseCoordination.Of(events, s_options, s_from, s_to);

        Assert.Equal([0, 1], columns);
        Assert.Equal([1, 1], values[..2]);
        Assert.Equal(1 / 3.0, values[2], 9);
    }

    [Fact]
    public void Of_StayWithoutFollowUpAndOneVisit_NotFollowedAndOutsideTheContinuityTable()
    {
        var admission = CoordinationEvents.Day(2020, 3, 1);
        var discharge = CoordinationEvents.Day(2020, 3, 5);
        var events = CoordinationEvents.Sorted(
            CoordinationEvents.Stay(admission, discharge, 7), CoordinationEvents.Principal(admission, 7, "I500"), CoordinationEvents.Visit(discharge + 45, 1, "GP-A"));

        var (columns, values) = ReleaseCoordination.Of(events, s_options, s_from, s_to);

        Assert.Equal([2, -1], columns);
        Assert.Equal([0, 0], values[..2]);
    }

    [Fact]
    public void Of_SpecialistOnDayTwentyOnly_FollowedWithinThirtyDaysNotByAGpWithinSeven()
    {
        var admission = CoordinationEvents.Day(2020, 3, 1);
        var discharge = CoordinationEvents.Day(2020, 3, 5);
        var events = CoordinationEvents.Sorted(
            CoordinationEvents.Stay(admission, discharge, 7), CoordinationEvents.Principal(admission, 7, "I500"), CoordinationEvents.Visit(discharge + 20, 3, "CARDIO"));

        var (columns, values) = ReleaseCoordination.Of(events, s_options, s_from, s_to);

        Assert.Equal(1, columns[0]);
        Assert.Equal([0, 1], values[..2]);
    }

    [Fact]
    public void Of_NoIndexStay_OutsideTheFollowUpTables()
    {
        var events = CoordinationEvents.Sorted(CoordinationEvents.Visit(CoordinationEvents.Day(2020, 2, 1), 1, "GP-A"), CoordinationEvents.Visit(CoordinationEvents.Day(2020, 4, 1), 1, "GP-A"));

        var (columns, values) = ReleaseCoordination.Of(events, s_options, s_from, s_to);

        Assert.Equal([-1, 4], columns);
        Assert.Equal(1, values[2]);
    }
}
