using OpenChronic.Analytics.Statistics;

namespace OpenChronic.Analytics.Variability;

/// <summary>Indirect standardisation: E_u = Σ_a n_{u,a}·r_a with reference rates r_a by age × sex stratum.</summary>
public static class IndirectStandardisation
{
    /// <summary>O, E, O/E and the exact 95 % interval [Γ⁻¹(0.025; O), Γ⁻¹(0.975; O+1)] / E.</summary>
    public static StandardisedRatio Compute(ReadOnlySpan<StratumCount> unit, IReadOnlyDictionary<int, double> referenceRates, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(referenceRates);
        long observed = 0;
        double expected = 0;
        foreach (var s in unit)
        {
            if (!referenceRates.TryGetValue(s.Stratum, out var rate))
            {
                throw new ArgumentException($"No reference rate for stratum {s.Stratum}.", nameof(referenceRates));
            }

            ArgumentOutOfRangeException.ThrowIfNegative(s.Population);
            ArgumentOutOfRangeException.ThrowIfNegative(s.Events);
            observed += s.Events;
            expected += s.Population * rate;
        }

        if (expected <= 0)
        {
            return new StandardisedRatio(observed, expected, double.NaN, double.NaN, double.NaN);
        }

        var (low, high) = ExactIntervals.Poisson(observed, level);
        return new StandardisedRatio(observed, expected, observed / expected, low / expected, high / expected);
    }

    /// <summary>Reference rates r_a = Σ_u events / Σ_u population per stratum over all units.</summary>
    public static Dictionary<int, double> ReferenceRates(IEnumerable<StratumCount> all)
    {
        ArgumentNullException.ThrowIfNull(all);
        var sums = new Dictionary<int, (double Population, long Events)>();
        foreach (var s in all)
        {
            sums.TryGetValue(s.Stratum, out var t);
            sums[s.Stratum] = (t.Population + s.Population, t.Events + s.Events);
        }

        return sums.Where(kv => kv.Value.Population > 0).ToDictionary(kv => kv.Key, kv => kv.Value.Events / kv.Value.Population);
    }
}
