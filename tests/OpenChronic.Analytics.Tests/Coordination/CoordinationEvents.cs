using OpenChronic.Domain.Pathways;

namespace OpenChronic.Analytics.Tests.Coordination;

/// <summary>Builders of hand-made timeline events for the coordination tests.</summary>
internal static class CoordinationEvents
{
    public static int Day(int year, int month, int day) => new DateOnly(year, month, day).DayNumber;

    public static CareEvent Visit(int day, short specialty, string professional, bool hospital = false) =>
        new(day, day, CareEventKind.Consultation, hospital ? CareEventTraits.Hospital : CareEventTraits.None, specialty,
            PackedCode.Pack("1110"), PackedCode.Pack(professional), 1f);

    public static CareEvent Stay(int admission, int discharge, ulong establishment) =>
        new(admission, discharge, CareEventKind.HospitalStay, CareEventTraits.Hospital, 0, PackedCode.Pack("05M09"), establishment, 1f);

    public static CareEvent Principal(int admission, ulong establishment, string icd) =>
        new(admission, admission, CareEventKind.Diagnosis, CareEventTraits.Hospital | CareEventTraits.Principal, 0, PackedCode.Pack(icd), establishment, 0f);

    public static CareEvent Death(int day) => new(day, day, CareEventKind.Death, CareEventTraits.None, 0, 0, 0, 0f);

    public static CareEvent[] Sorted(params CareEvent[] events)
    {
        Array.Sort(events);
        return events;
    }
}
