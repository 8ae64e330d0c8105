using OpenChronic.Synthetic.Model;

namespace OpenChronic.Synthetic.Tests;

/// <summary>The generator's true risk against the formulas of docs/synthetic.md, computed independently here.</summary>
public sealed class TrueRiskTests
{
    private static readonly ConditionProfile s_diabetes = Conditions.All[Conditions.Diabetes];

    // Lag mean of diabetes: 5 months of 30.4375 days.
    private static readonly double s_mu = 5 * 30.4375;

    [Fact]
    public void Preclinical_OnsetIn100Days_RegisteredWithinTheRemaining265()
    {
        Assert.Equal(0.88 * (1 - Math.Exp(-265 / s_mu)), TrueRisk.Preclinical(s_diabetes, 100, 365), 12);
        Assert.Equal(0, TrueRisk.Preclinical(s_diabetes, 365, 365));
    }

    [Fact]
    public void Present_AtOnsetDay_IsRegistrationProbabilityTimesYearlyLag_AndFallsWithTime()
    {
        Assert.Equal(0.88 * (1 - Math.Exp(-365 / s_mu)), TrueRisk.Present(s_diabetes, 0, 365), 12);
        var stay = 0.88 * Math.Exp(-200 / s_mu);
        Assert.Equal(stay / (stay + 0.12) * (1 - Math.Exp(-366 / s_mu)), TrueRisk.Present(s_diabetes, 200, 366), 12);
    }

    [Fact]
    public void Prior_MatchesGeometricSumClosedForm()
    {
        // Σ_{j=1}^{n} (1 − q^j) with q = e^(−1/μ) and n = days − D = 95 is n − q(1 − q^n)/(1 − q).
        var q = Math.Exp(-1 / s_mu);
        var n = 365 - s_diabetes.PreclinicalDays;
        var sum = n - (q * (1 - Math.Pow(q, n)) / (1 - q));

        Assert.Equal(0.02 * 0.88 * sum / 365, TrueRisk.Prior(s_diabetes, 0.02, 365), 12);
        Assert.Equal(0, TrueRisk.Prior(s_diabetes with { PreclinicalDays = 400 }, 0.02, 365));
    }
}
