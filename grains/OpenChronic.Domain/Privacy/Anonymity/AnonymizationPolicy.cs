namespace OpenChronic.Domain.Privacy.Anonymity;

/// <summary>
/// The privacy rule a release must meet: every equivalence class holds at least <see cref="K"/> persons,
/// optionally at least <see cref="DistinctL"/> distinct sensitive values and a sensitive-value entropy of at
/// least log(<see cref="EntropyL"/>); records of classes breaking the rule may be suppressed as long as they
/// are at most <see cref="SuppressionLimit"/> of all records.
/// </summary>
public sealed record AnonymizationPolicy
{
    public AnonymizationPolicy(int k, double suppressionLimit = 0, int? distinctL = null, double? entropyL = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (!(suppressionLimit >= 0 && suppressionLimit <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(suppressionLimit), "The suppression limit is a fraction in [0, 1].");
        }

        if (distinctL is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(distinctL), "l is at least 1.");
        }

        if (entropyL is { } e && !(e >= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(entropyL), "Entropy l is at least 1.");
        }

        K = k;
        SuppressionLimit = suppressionLimit;
        DistinctL = distinctL;
        EntropyL = entropyL;
    }

    /// <summary>Minimum number of persons per equivalence class.</summary>
    public int K { get; }

    /// <summary>Largest fraction of records that may be suppressed.</summary>
    public double SuppressionLimit { get; }

    /// <summary>Distinct l-diversity on the sensitive attribute, when set.</summary>
    public int? DistinctL { get; }

    /// <summary>Entropy l-diversity on the sensitive attribute, when set.</summary>
    public double? EntropyL { get; }

    /// <summary>True when a sensitive attribute is needed.</summary>
    public bool NeedsSensitive => DistinctL is not null || EntropyL is not null;

    /// <summary>Largest number of records that may be suppressed out of <paramref name="rows"/>.</summary>
    public int MaxSuppressed(int rows) => (int)Math.Floor(SuppressionLimit * rows + 1e-9);

    /// <summary>
    /// True when the rule is monotone under generalization (a node above a satisfying node satisfies it).
    /// k-anonymity and distinct l-diversity are, with or without suppression; entropy l-diversity is without
    /// suppression only (merging a diverse class with a suppressed one can lower its entropy).
    /// </summary>
    public bool IsMonotone => EntropyL is null || SuppressionLimit == 0;
}
