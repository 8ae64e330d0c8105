namespace OpenChronic.Analytics.Variability;

/// <summary>Between-area variation: extremal quotient, coefficient of variation and McPherson's systematic component of variation.</summary>
public static class VariationStatistics
{
    /// <summary>EQ = max rate / min rate (NaN if the minimum is 0).</summary>
    public static double ExtremalQuotient(ReadOnlySpan<double> rates)
    {
        if (rates.Length == 0)
        {
            return double.NaN;
        }

        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var r in rates)
        {
            min = Math.Min(min, r);
            max = Math.Max(max, r);
        }

        return min > 0 ? max / min : double.NaN;
    }

    /// <summary>CV = sample SD (n − 1) / mean.</summary>
    public static double CoefficientOfVariation(ReadOnlySpan<double> rates)
    {
        if (rates.Length < 2)
        {
            return double.NaN;
        }

        double mean = 0;
        foreach (var r in rates)
        {
            mean += r;
        }

        mean /= rates.Length;
        double ss = 0;
        foreach (var r in rates)
        {
            ss += (r - mean) * (r - mean);
        }

        return Math.Sqrt(ss / (rates.Length - 1)) / mean;
    }

    /// <summary>SCV = (1/k)·Σ[(log(O/E))² − 1/E] × 100 (McPherson 1982); units with O = 0 are skipped; NaN if negative.</summary>
    public static double SystematicComponent(ReadOnlySpan<long> observed, ReadOnlySpan<double> expected)
    {
        if (observed.Length != expected.Length)
        {
            throw new ArgumentException("Observed and expected differ in length.");
        }

        double sum = 0;
        var k = 0;
        for (var i = 0; i < observed.Length; i++)
        {
            if (observed[i] <= 0 || expected[i] <= 0)
            {
                continue;
            }

            var y = Math.Log(observed[i] / expected[i]);
            sum += (y * y) - (1 / expected[i]);
            k++;
        }

        if (k == 0)
        {
            return double.NaN;
        }

        var scv = sum / k * 100;
        return scv >= 0 ? scv : double.NaN;
    }
}
