using System.Collections.Immutable;

namespace OpenChronic.Domain.Privacy.DifferentialPrivacy;

/// <summary>
/// Answers <see cref="DpAggregateQuery"/>s on member rows: charges the query's cost to the budget first (nothing
/// is computed when it is refused), bounds each person's contribution (L0 cells, L∞ per cell, cells chosen by a
/// keyed hash), adds exact discrete Laplace or Gaussian noise to every cell, thresholds cells whose keys come
/// from the data, and publishes each cell with its confidence interval.
/// </summary>
public sealed class DpAggregateService
{
    private const char Separator = '\u001f';
    private const long MaxExplicitCells = 10_000_000;
    private readonly byte[] _selectionKey;
    private readonly IRandomBits _bits;

    /// <summary>
    /// Creates the service with the secret that chooses which cells of a person over L0 are kept (at least 16
    /// bytes) and the random bits of the noise (a ChaCha20 stream under a secret key in production, a seed in tests).
    /// </summary>
    public DpAggregateService(ReadOnlySpan<byte> selectionKey, IRandomBits bits)
    {
        ArgumentNullException.ThrowIfNull(bits);
        if (selectionKey.Length < 16)
        {
            throw new ArgumentException("The selection key needs at least 16 bytes.", nameof(selectionKey));
        }

        _selectionKey = selectionKey.ToArray();
        _bits = bits;
    }

    /// <summary>The privacy cost of a query: ε (pure), (ε, δ) when keys come from the data, or ρ.</summary>
    public static PrivacyCost CostOf(DpAggregateQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.Noise switch
        {
            DpNoiseKind.Laplace when query.ExplicitKeys is null => PrivacyCost.Approximate(query.Epsilon, query.Delta),
            DpNoiseKind.Laplace => PrivacyCost.Pure(query.Epsilon),
            DpNoiseKind.Gaussian when query.ExplicitKeys is null =>
                throw new ArgumentException("Keys found in the data are thresholded with Laplace noise only; give explicit keys for Gaussian noise.", nameof(query)),
            _ => PrivacyCost.ZeroConcentrated(query.Rho),
        };
    }

    /// <summary>Charges and, if accepted, computes the release.</summary>
    public async ValueTask<DpAggregateResult> ReleaseAsync(
        IEnumerable<MemberRow> rows, DpAggregateQuery query, IPrivacyBudget budget, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(budget);
        var cost = CostOf(query);
        CheckKeys(query);
        var decision = await budget.ChargeAsync(query.Name, cost, cancellationToken).ConfigureAwait(false);
        if (!decision.Accepted)
        {
            return new DpAggregateResult(false, decision.Reason, null);
        }

        return new DpAggregateResult(true, decision.Reason, Compute(rows, query, cost));
    }

    private DpAggregateTable Compute(IEnumerable<MemberRow> rows, DpAggregateQuery query, PrivacyCost cost)
    {
        var dimensions = query.Dimensions.Length;
        var bounded = new ContributionBounder(_selectionKey, query.Bounds).Bound(rows.Select(row =>
        {
            if (row.Values.IsDefault || row.Values.Length != dimensions)
            {
                throw new ArgumentException($"A row has {(row.Values.IsDefault ? 0 : row.Values.Length)} values for {dimensions} dimensions.", nameof(rows));
            }

            return new ContributionRow(row.PersonId, Key(row.Values), row.Weight);
        }));

        CountRelease release;
        double scale;
        if (query.ExplicitKeys is { } keys)
        {
            IIntegerNoise noise;
            if (query.Noise == DpNoiseKind.Laplace)
            {
                var laplace = DiscreteLaplace.ForEpsilon(Rational.FromDouble(query.Epsilon), query.Bounds.L1Sensitivity);
                (noise, scale) = (laplace, laplace.Scale.ToDouble());
            }
            else
            {
                var gaussian = DiscreteGaussian.ForRho(Rational.FromDouble(query.Rho), Rational.Of(query.Bounds.L2SensitivitySquared, 1));
                (noise, scale) = (gaussian, Math.Sqrt(gaussian.SigmaSquared.ToDouble()));
            }

            release = DpCountRelease.WithExplicitKeys(bounded, CrossProduct(keys), noise, _bits, query.ConfidenceLevel);
        }
        else
        {
            var epsilon = Rational.FromDouble(query.Epsilon);
            scale = DiscreteLaplace.ForEpsilon(epsilon, query.Bounds.L1Sensitivity).Scale.ToDouble();
            release = DpCountRelease.WithThreshold(bounded, epsilon, query.Delta, _bits, query.ConfidenceLevel);
        }

        var h = release.HalfWidth;
        var cells = release.Counts
            .Select(c => new DpAggregateCell([.. c.Key.Split(Separator)], c.Value, c.Value - h, c.Value + h))
            .ToImmutableArray();
        return new DpAggregateTable(query.Dimensions, cells, release.Noise, scale, release.NoiseVariance, release.ConfidenceLevel,
            h, release.Threshold, cost, bounded);
    }

    private static void CheckKeys(DpAggregateQuery query)
    {
        if (query.Dimensions.IsDefaultOrEmpty)
        {
            throw new ArgumentException("At least one dimension is needed.", nameof(query));
        }

        if (query.ExplicitKeys is not { } keys)
        {
            return;
        }

        if (keys.Length != query.Dimensions.Length || keys.Any(k => k.IsDefaultOrEmpty))
        {
            throw new ArgumentException("Explicit keys need one non-empty list per dimension.", nameof(query));
        }

        long cells = 1;
        foreach (var list in keys)
        {
            cells = checked(cells * list.Length);
            if (cells > MaxExplicitCells)
            {
                throw new ArgumentException($"The explicit keys span more than {MaxExplicitCells:N0} cells.", nameof(query));
            }
        }
    }

    private static string Key(ImmutableArray<string> values)
    {
        foreach (var value in values)
        {
            if (value is null || value.Contains(Separator, StringComparison.Ordinal))
            {
                throw new ArgumentException("Dimension values are non-null and contain no U+001F.", nameof(values));
            }
        }

        return string.Join(Separator, values);
    }

    private static List<string> CrossProduct(ImmutableArray<ImmutableArray<string>> keys)
    {
        var result = new List<string> { string.Empty };
        for (var d = 0; d < keys.Length; d++)
        {
            var next = new List<string>(result.Count * keys[d].Length);
            foreach (var prefix in result)
            {
                foreach (var value in keys[d])
                {
                    next.Add(d == 0 ? value : prefix + Separator + value);
                }
            }

            result = next;
        }

        return result;
    }
}
