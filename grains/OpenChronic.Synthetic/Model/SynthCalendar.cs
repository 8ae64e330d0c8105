namespace OpenChronic.Synthetic.Model;

/// <summary>Dates as day numbers since 1970-01-01 (the Arrow Date32 representation), and month arithmetic.</summary>
public static class SynthCalendar
{
    private static readonly int s_epoch = new DateOnly(1970, 1, 1).DayNumber;

    /// <summary>IMB_ALD_DTF of an ALD with no end (1600-01-01).</summary>
    public static readonly int NoEnd = Day(new DateOnly(1600, 1, 1));

    public static int Day(DateOnly date) => date.DayNumber - s_epoch;

    public static int Day(int year, int month, int day) => Day(new DateOnly(year, month, day));

    public static DateOnly Date(int day) => DateOnly.FromDayNumber(day + s_epoch);

    /// <summary>Months since year 0 (year × 12 + month − 1): a flux-month index.</summary>
    public static int MonthIndex(int day)
    {
        var d = Date(day);
        return d.Year * 12 + d.Month - 1;
    }

    public static int MonthStart(int monthIndex) => Day(monthIndex / 12, monthIndex % 12 + 1, 1);

    public static int YearOf(int day) => Date(day).Year;
}
