namespace OpenChronic.Domain.Privacy.Risk;

/// <summary>
/// The classical record-level re-identification risks of a release made of equivalence classes (El Emam and
/// Dankar, "Protecting privacy using k-anonymity", JAMIA 2008; El Emam, "Guide to the De-Identification of
/// Personal Health Information", 2013; as implemented in ARX's RiskModelSampleSummary). A record in a class of
/// f records (F in the population) is re-identified with probability 1/f by a prosecutor, who knows the target
/// is in the release, and 1/F by a journalist, who does not.
/// </summary>
public static class ReidentificationRisk
{
    /// <summary>
    /// Prosecutor risk: highest = 1/min f_k, lowest = 1/max f_k, average = #classes/n, records at risk = share
    /// of records with 1/f_k &gt; threshold.
    /// </summary>
    public static RiskSummary Prosecutor(EquivalenceClasses classes, double threshold)
    {
        ArgumentNullException.ThrowIfNull(classes);
        CheckThreshold(threshold);
        long atRisk = 0;
        var smallest = int.MaxValue;
        var largest = 0;
        foreach (var size in classes.SampleSizes)
        {
            smallest = Math.Min(smallest, size);
            largest = Math.Max(largest, size);
            if (1d / size > threshold)
            {
                atRisk += size;
            }
        }

        return new RiskSummary(1d / smallest, 1d / largest, (double)classes.ClassCount / classes.RecordCount,
            (double)atRisk / classes.RecordCount, threshold);
    }

    /// <summary>
    /// Journalist risk (the population class sizes F_k are needed): highest = 1/min F_k, lowest = 1/max F_k,
    /// average = max(#classes/ΣF_k, (1/n)·Σ f_k/F_k), records at risk = share of records with 1/F_k &gt; threshold.
    /// </summary>
    public static RiskSummary Journalist(EquivalenceClasses classes, double threshold)
    {
        ArgumentNullException.ThrowIfNull(classes);
        CheckThreshold(threshold);
        var population = classes.PopulationSizes
            ?? throw new ArgumentException("Journalist risk needs the population class sizes.", nameof(classes));
        long atRisk = 0;
        var smallest = long.MaxValue;
        var largest = 0L;
        double populationTotal = 0, matched = 0;
        for (var k = 0; k < classes.ClassCount; k++)
        {
            var f = classes.SampleSizes[k];
            var bigF = population[k];
            smallest = Math.Min(smallest, bigF);
            largest = Math.Max(largest, bigF);
            if (1d / bigF > threshold)
            {
                atRisk += f;
            }

            populationTotal += bigF;
            matched += (double)f / bigF;
        }

        var average = Math.Max(classes.ClassCount / populationTotal, matched / classes.RecordCount);
        return new RiskSummary(1d / smallest, 1d / largest, average, (double)atRisk / classes.RecordCount, threshold);
    }

    /// <summary>
    /// Marketer risk, the expected share of records re-identified when the attacker matches every record:
    /// (1/n)·Σ f_k/F_k, which is #classes/n when the release is the whole population.
    /// </summary>
    public static double Marketer(EquivalenceClasses classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        if (classes.PopulationSizes is not { } population)
        {
            return (double)classes.ClassCount / classes.RecordCount;
        }

        double matched = 0;
        for (var k = 0; k < classes.ClassCount; k++)
        {
            matched += (double)classes.SampleSizes[k] / population[k];
        }

        return matched / classes.RecordCount;
    }

    /// <summary>Sample uniqueness: the share of released records alone in their class.</summary>
    public static double SampleUniqueness(EquivalenceClasses classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        return (double)classes.SampleSizes.Count(s => s == 1) / classes.RecordCount;
    }

    private static void CheckThreshold(double threshold)
    {
        if (!(threshold >= 0 && threshold <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "A risk threshold lies in [0, 1].");
        }
    }
}
