using OpenChronic.Analytics.Pathways;
using OpenChronic.Domain.Pathways;

namespace OpenChronic.Analytics.Tests.Pathways;

public sealed class CareSettingPeriodsTests
{
    private static readonly DateOnly s_entry = new(2020, 6, 1);
    private static readonly DateOnly s_from = new(2019, 1, 1);
    private static readonly DateOnly s_to = new(2021, 12, 31);

    [Fact]
    public void Around_EventsInEachPeriod_TakesTheMostIntensiveSetting()
    {
        CareEvent[] timeline =
        [
            Consultation(-300, specialty: 1),
            Consultation(-100, specialty: 3),
            Consultation(-90, specialty: 1),
            Stay(10),
            Consultation(12, specialty: 1),
        ];

        var settings = CareSettingPeriods.Around(timeline, s_entry, null, s_from, s_to);

        Assert.Equal([CareSetting.GeneralPractitioner, CareSetting.Specialist, CareSetting.Hospital, CareSetting.NoCare], settings);
    }

    [Fact]
    public void Around_DeadBeforeAPeriod_IsDeceasedFromThatPeriodOn()
    {
        CareEvent[] timeline = [Dispensation(-20)];

        var settings = CareSettingPeriods.Around(timeline, s_entry, s_entry.DayNumber + 100, s_from, s_to);

        Assert.Equal([CareSetting.NoCare, CareSetting.OtherCare, CareSetting.NoCare, CareSetting.Deceased], settings);
    }

    [Fact]
    public void Around_EntryTooCloseToTheEdgeOfTheData_LeavesThePatientOut()
    {
        Assert.Null(CareSettingPeriods.Around([], new DateOnly(2019, 6, 1), null, s_from, s_to));
        Assert.Null(CareSettingPeriods.Around([], new DateOnly(2021, 6, 1), null, s_from, s_to));
        Assert.Null(CareSettingPeriods.Around([], null, null, s_from, s_to));
        Assert.NotNull(CareSettingPeriods.Around([], new DateOnly(2020, 1, 1), null, s_from, s_to));
    }

    [Fact]
    public void SettingIn_RegularisationLinesAndHospitalConsultations_AreHandled()
    {
        var regularisation = Dispensation(0) with { Value = -1 };
        var outpatientClinic = Consultation(1, specialty: 1) with { Traits = CareEventTraits.Hospital };

        Assert.Equal(CareSetting.NoCare, CareSettingPeriods.SettingIn([regularisation], s_entry.DayNumber, s_entry.DayNumber + 5));
        Assert.Equal(CareSetting.Hospital, CareSettingPeriods.SettingIn([outpatientClinic], s_entry.DayNumber, s_entry.DayNumber + 5));
    }

    private static CareEvent Consultation(int offset, short specialty) =>
        new(s_entry.DayNumber + offset, s_entry.DayNumber + offset, CareEventKind.Consultation, CareEventTraits.None, specialty, PackedCode.Pack("1111"), 0, 1);

    private static CareEvent Stay(int offset) =>
        new(s_entry.DayNumber + offset, s_entry.DayNumber + offset + 3, CareEventKind.HospitalStay, CareEventTraits.Hospital, 0, PackedCode.Pack("05M092"), 0, 0);

    private static CareEvent Dispensation(int offset) =>
        new(s_entry.DayNumber + offset, s_entry.DayNumber + offset, CareEventKind.Dispensation, CareEventTraits.None, 0, PackedCode.Pack("C10AA01"), 0, 1);
}
