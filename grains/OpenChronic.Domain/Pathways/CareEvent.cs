using System.Runtime.InteropServices;

namespace OpenChronic.Domain.Pathways;

/// <summary>
/// One event of a patient's care pathway, in its compact form (32 bytes in a timeline: the runtime lays the fields out without padding). Dates are
/// <see cref="DateOnly.DayNumber"/> values; codes and identifiers are <see cref="PackedCode"/>s or plain numbers.
/// </summary>
/// <param name="Day">Care date (admission for stays, start for ALD registrations).</param>
/// <param name="EndDay">End date (discharge, ALD end, last day covered); equals <paramref name="Day"/> for point events.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Traits">Setting, pack size, diagnosis position, ALD exoneration.</param>
/// <param name="Specialty">Professional's specialty (<c>PSE_SPE_COD</c>), 0 when none.</param>
/// <param name="Code">Main code (ATC, ICD-10, CCAM, NABM, GHM, nature of prestation), packed.</param>
/// <param name="Detail">Secondary identifier (CIP13, professional, establishment), a <see cref="PackedCode"/>.</param>
/// <param name="Value">Quantity (boxes, acts) or ALD number; negative for regularisation lines.</param>
[StructLayout(LayoutKind.Auto)]
public readonly record struct CareEvent(
    int Day,
    int EndDay,
    CareEventKind Kind,
    CareEventTraits Traits,
    short Specialty,
    ulong Code,
    ulong Detail,
    float Value) : IComparable<CareEvent>
{
    public DateOnly Date => DateOnly.FromDayNumber(Day);

    public DateOnly EndDate => DateOnly.FromDayNumber(EndDay);

    /// <summary>Timeline order: day, kind, code, detail, end, specialty, traits, value — total, so sorting is deterministic.</summary>
    public int CompareTo(CareEvent other)
    {
        var c = Day.CompareTo(other.Day);
        if (c != 0)
        {
            return c;
        }

        // As bytes: Enum.CompareTo(object) would box both operands on every comparison of a sort.
        c = ((byte)Kind).CompareTo((byte)other.Kind);
        if (c != 0)
        {
            return c;
        }

        c = Code.CompareTo(other.Code);
        if (c != 0)
        {
            return c;
        }

        c = Detail.CompareTo(other.Detail);
        if (c != 0)
        {
            return c;
        }

        c = EndDay.CompareTo(other.EndDay);
        if (c != 0)
        {
            return c;
        }

        c = Specialty.CompareTo(other.Specialty);
        if (c != 0)
        {
            return c;
        }

        c = ((byte)Traits).CompareTo((byte)other.Traits);
        return c != 0 ? c : Value.CompareTo(other.Value);
    }

    public static bool operator <(CareEvent left, CareEvent right) => left.CompareTo(right) < 0;

    public static bool operator <=(CareEvent left, CareEvent right) => left.CompareTo(right) <= 0;

    public static bool operator >(CareEvent left, CareEvent right) => left.CompareTo(right) > 0;

    public static bool operator >=(CareEvent left, CareEvent right) => left.CompareTo(right) >= 0;
}
