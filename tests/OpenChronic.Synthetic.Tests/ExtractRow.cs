using System.Globalization;

namespace OpenChronic.Synthetic.Tests;

/// <summary>One row read back from a generated file: the requested columns and where the row came from.</summary>
internal sealed class ExtractRow(string file, long row, Dictionary<string, object?> values)
{
    public string File { get; } = file;

    /// <summary>1-based data row number in <see cref="File"/>.</summary>
    public long Row { get; } = row;

    public object? this[string column] => values[column];

    public string? Str(string column) => values[column] switch
    {
        null => null,
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var o => o.ToString(),
    };

    public long? Long(string column) => values[column] switch
    {
        null => null,
        long l => l,
        int i => i,
        double d => (long)d,
        bool b => b ? 1 : 0,
        string s => long.Parse(s, CultureInfo.InvariantCulture),
        var o => throw new InvalidCastException($"{column}: {o.GetType().Name}"),
    };

    public double? Double(string column) => values[column] switch
    {
        null => null,
        double d => d,
        long l => l,
        var o => throw new InvalidCastException($"{column}: {o.GetType().Name}"),
    };

    /// <summary>A Date32 column as a date.</summary>
    public DateOnly? Date(string column) =>
        values[column] is int days ? DateOnly.FromDayNumber(new DateOnly(1970, 1, 1).DayNumber + days) : null;
}
