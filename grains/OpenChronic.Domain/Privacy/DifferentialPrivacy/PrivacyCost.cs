using System.Globalization;

namespace OpenChronic.Domain.Privacy.DifferentialPrivacy;

/// <summary>The privacy definition a ledger accounts in.</summary>
public enum PrivacyMeasure
{
    /// <summary>(ε, δ)-differential privacy with basic composition (ε and δ add up); δ = 0 is pure ε-DP.</summary>
    ApproximateDp,

    /// <summary>ρ-zero-concentrated DP (Bun and Steinke 2016): ρ adds up.</summary>
    ZeroConcentrated,
}

/// <summary>
/// The privacy cost of one release: (ε, δ) for Laplace and thresholded releases, or ρ for zCDP (discrete
/// Gaussian) releases. Exactly one of the two forms is set.
/// </summary>
public readonly record struct PrivacyCost
{
    private PrivacyCost(double epsilon, double delta, double rho)
    {
        Epsilon = epsilon;
        Delta = delta;
        Rho = rho;
    }

    /// <summary>ε (0 for a zCDP cost).</summary>
    public double Epsilon { get; }

    /// <summary>δ (0 for pure DP and for a zCDP cost).</summary>
    public double Delta { get; }

    /// <summary>ρ (0 for an (ε, δ) cost).</summary>
    public double Rho { get; }

    /// <summary>Whether the cost is stated in zCDP.</summary>
    public bool IsZeroConcentrated => Rho > 0;

    /// <summary>A pure ε-DP cost.</summary>
    public static PrivacyCost Pure(double epsilon) => Approximate(epsilon, 0);

    /// <summary>An (ε, δ)-DP cost.</summary>
    public static PrivacyCost Approximate(double epsilon, double delta)
    {
        if (!(epsilon > 0 && double.IsFinite(epsilon)))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "ε must be positive and finite.");
        }

        if (!(delta >= 0 && delta < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "δ lies in [0, 1).");
        }

        return new PrivacyCost(epsilon, delta, 0);
    }

    /// <summary>A ρ-zCDP cost.</summary>
    public static PrivacyCost ZeroConcentrated(double rho)
    {
        if (!(rho > 0 && double.IsFinite(rho)))
        {
            throw new ArgumentOutOfRangeException(nameof(rho), rho, "ρ must be positive and finite.");
        }

        return new PrivacyCost(0, 0, rho);
    }

    /// <inheritdoc />
    public override string ToString() =>
        IsZeroConcentrated
            ? string.Create(CultureInfo.InvariantCulture, $"ρ = {Rho:G6}")
            : string.Create(CultureInfo.InvariantCulture, $"ε = {Epsilon:G6}, δ = {Delta:G6}");
}
