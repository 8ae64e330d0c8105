using System.Globalization;

namespace OpenChronic.Analytics.Prediction;

/// <summary>The ALD a task predicts: one ALD number (1–32) or any ALD (<see cref="Number"/> 0).</summary>
public readonly record struct AldTarget(int Number)
{
    /// <summary>Any ALD.</summary>
    public static AldTarget Any => new(0);

    public bool IsAny => Number == 0;

    /// <summary>True when an ALD registration of number <paramref name="ald"/> counts for this target.</summary>
    public bool Matches(int ald) => IsAny ? ald > 0 : ald == Number;

    /// <summary>Parses <c>any</c>, <c>ald:any</c>, <c>ald:8</c> or <c>8</c>; false otherwise.</summary>
    public static bool TryParse(string? text, out AldTarget target)
    {
        target = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var t = text.Trim();
        if (t.StartsWith("ald:", StringComparison.OrdinalIgnoreCase))
        {
            t = t[4..];
        }

        if (t.Equals("any", StringComparison.OrdinalIgnoreCase))
        {
            target = Any;
            return true;
        }

        if (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 32)
        {
            target = new AldTarget(n);
            return true;
        }

        return false;
    }

    public override string ToString() => IsAny ? "ald:any" : "ald:" + Number.ToString(CultureInfo.InvariantCulture);
}
