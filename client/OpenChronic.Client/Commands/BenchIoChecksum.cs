using System.Globalization;

namespace OpenChronic.Client.Commands;

/// <summary>
/// What a benchmark scan computes over every value, so that no engine can skip the work: sums of the date
/// columns (days since 1970), of the integer and decimal columns, and the count and total UTF-8 length of the text values.
/// </summary>
internal sealed record BenchIoChecksum(long DaySum, long IntegerSum, double NumberSum, long TextCount, long TextBytes)
{
    public bool Matches(BenchIoChecksum other) =>
        DaySum == other.DaySum && IntegerSum == other.IntegerSum && TextCount == other.TextCount && TextBytes == other.TextBytes
        && Math.Abs(NumberSum - other.NumberSum) <= 1e-9 * Math.Max(1, Math.Abs(NumberSum));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"days {DaySum}, ints {IntegerSum}, numbers {NumberSum:F2}, texts {TextCount} / {TextBytes} B");
}
