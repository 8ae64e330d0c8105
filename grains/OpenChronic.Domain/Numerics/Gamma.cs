namespace OpenChronic.Domain.Numerics;

/// <summary>ln Γ (Lanczos), digamma and trigamma (recurrence to x ≥ 8, then asymptotic series) for positive arguments; shared by the privacy risk models and the statistics.</summary>
public static class Gamma
{
    private static readonly double[] s_lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7,
    ];

    /// <summary>ln Γ(x) for x &gt; 0 (Lanczos, g = 7; relative error about 1e-15).</summary>
    public static double LogGamma(double x)
    {
        if (x < 0.5)
        {
            // Reflection: Γ(x)Γ(1 − x) = π / sin(πx).
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        }

        x -= 1;
        var sum = s_lanczos[0];
        var t = x + 7.5;
        for (var i = 1; i < s_lanczos.Length; i++)
        {
            sum += s_lanczos[i] / (x + i);
        }

        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }

    /// <summary>ψ(x) = d ln Γ(x)/dx for x &gt; 0.</summary>
    public static double Digamma(double x)
    {
        double result = 0;
        while (x < 8)
        {
            result -= 1 / x;
            x += 1;
        }

        var inverse = 1 / x;
        var inverseSquared = inverse * inverse;
        return result + Math.Log(x) - (0.5 * inverse)
            - (inverseSquared * ((1.0 / 12) - (inverseSquared * ((1.0 / 120) - (inverseSquared * ((1.0 / 252) - (inverseSquared * ((1.0 / 240) - (inverseSquared / 132)))))))));
    }

    /// <summary>ψ₁(x) = d²ln Γ(x)/dx² for x &gt; 0.</summary>
    public static double Trigamma(double x)
    {
        double result = 0;
        while (x < 8)
        {
            result += 1 / (x * x);
            x += 1;
        }

        var inverse = 1 / x;
        var inverseSquared = inverse * inverse;
        return result + inverse + (0.5 * inverseSquared)
            + (inverse * inverseSquared * ((1.0 / 6) - (inverseSquared * ((1.0 / 30) - (inverseSquared * ((1.0 / 42) - (inverseSquared / 30)))))));
    }
}
