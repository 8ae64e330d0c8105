namespace OpenChronic.Domain.Privacy.DifferentialPrivacy;

/// <summary>
/// Composition and conversion formulas for the releases of this library. Sources: Dwork and Roth, "The
/// Algorithmic Foundations of Differential Privacy" (2014), Thm 3.16 (basic composition); Bun and Steinke,
/// "Concentrated Differential Privacy: Simplifications, Extensions, and Lower Bounds" (TCC 2016), Prop 1.3
/// (ρ-zCDP ⇒ (ρ + 2√(ρ ln(1/δ)), δ)-DP), Prop 1.4 (ε-DP ⇒ ε²/2-zCDP) and Lemma 2.3 (zCDP composes by sum);
/// Canonne, Kamath and Steinke 2020, Thm 4 (discrete Gaussian: ρ = Δ₂²/(2σ²)).
/// </summary>
public static class PrivacyAccounting
{
    /// <summary>ε of the discrete Laplace mechanism with scale t on a query of L1 sensitivity Δ₁: Δ₁/t.</summary>
    public static double LaplaceEpsilon(long l1Sensitivity, Rational scale) =>
        l1Sensitivity / scale.ToDouble();

    /// <summary>ρ of the discrete Gaussian with parameter σ² on a query of squared L2 sensitivity Δ₂²: Δ₂²/(2σ²).</summary>
    public static double DiscreteGaussianRho(long l2SensitivitySquared, Rational sigmaSquared) =>
        l2SensitivitySquared / (2 * sigmaSquared.ToDouble());

    /// <summary>Basic composition of (ε, δ) costs: (Σε, Σδ). zCDP costs are refused (convert them first).</summary>
    public static PrivacyCost ComposeApproximate(IEnumerable<PrivacyCost> costs)
    {
        ArgumentNullException.ThrowIfNull(costs);
        double epsilon = 0, delta = 0;
        foreach (var cost in costs)
        {
            if (cost.IsZeroConcentrated)
            {
                throw new ArgumentException("A zCDP cost needs converting to (ε, δ) before basic composition.", nameof(costs));
            }

            epsilon += cost.Epsilon;
            delta += cost.Delta;
        }

        return PrivacyCost.Approximate(epsilon, delta);
    }

    /// <summary>zCDP composition: Σρ, pure ε-DP costs entering as ε²/2. (ε, δ) costs with δ &gt; 0 are refused.</summary>
    public static double ComposeZeroConcentrated(IEnumerable<PrivacyCost> costs)
    {
        ArgumentNullException.ThrowIfNull(costs);
        double rho = 0;
        foreach (var cost in costs)
        {
            rho += ToRho(cost) ?? throw new ArgumentException("An (ε, δ) cost with δ > 0 has no zCDP equivalent.", nameof(costs));
        }

        return rho;
    }

    /// <summary>ρ of a cost: ρ itself, ε²/2 for pure ε-DP, null when δ &gt; 0.</summary>
    public static double? ToRho(PrivacyCost cost) =>
        cost.IsZeroConcentrated ? cost.Rho
        : cost.Delta == 0 ? cost.Epsilon * cost.Epsilon / 2
        : null;

    /// <summary>The (ε, δ)-DP guarantee implied by ρ-zCDP: ε = ρ + 2√(ρ ln(1/δ)).</summary>
    public static double ZeroConcentratedToEpsilon(double rho, double delta)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rho);
        if (!(delta > 0 && delta < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "δ lies in (0, 1).");
        }

        return rho + (2 * Math.Sqrt(rho * Math.Log(1 / delta)));
    }
}
