namespace OpenChronic.Domain.Privacy.Anonymity;

/// <summary>
/// A recoding's classes judged against a policy: which classes are kept (meet k and l), how many records the
/// others hold (to be suppressed), and whether that stays within the suppression limit.
/// </summary>
internal sealed class NodeAssessment
{
    private NodeAssessment(ClassTable table, int[] classSizes, bool[] kept, int suppressed, bool satisfies, int keptClasses, int smallestKept)
    {
        Table = table;
        ClassSizes = classSizes;
        Kept = kept;
        Suppressed = suppressed;
        Satisfies = satisfies;
        KeptClasses = keptClasses;
        SmallestKept = smallestKept;
    }

    public ClassTable Table { get; }

    public int[] ClassSizes { get; }

    /// <summary>Per class: true when it meets the policy and is published.</summary>
    public bool[] Kept { get; }

    public int Suppressed { get; }

    public bool Satisfies { get; }

    public int KeptClasses { get; }

    public int SmallestKept { get; }

    /// <summary>True when entry <paramref name="entry"/> of the table belongs to a kept class.</summary>
    public bool IsKept(int entry) => Kept[Table.ClassOf?[entry] ?? entry];

    public static NodeAssessment Assess(ClassTable table, AnonymizationPolicy policy, int rows)
    {
        var classCount = table.ClassCount;
        var sizes = new int[classCount];
        var classOf = table.ClassOf;
        int[]? distinct = null;
        double[]? sumNLogN = null;
        if (classOf is not null)
        {
            distinct = new int[classCount];
            sumNLogN = new double[classCount];
            for (var e = 0; e < table.Count; e++)
            {
                var cl = classOf[e];
                var n = table.Sizes[e];
                sizes[cl] += n;
                distinct[cl]++;
                sumNLogN[cl] += n * Math.Log(n);
            }
        }
        else
        {
            Array.Copy(table.Sizes, sizes, classCount);
        }

        var kept = new bool[classCount];
        var suppressed = 0;
        var keptClasses = 0;
        var smallest = 0;
        var minEntropy = policy.EntropyL is { } el ? Math.Log(el) - 1e-12 : double.NegativeInfinity;
        for (var cl = 0; cl < classCount; cl++)
        {
            var size = sizes[cl];
            var ok = size >= policy.K;
            if (ok && policy.DistinctL is { } l && distinct is not null)
            {
                ok = distinct[cl] >= l;
            }

            if (ok && policy.EntropyL is not null && sumNLogN is not null)
            {
                ok = Math.Log(size) - (sumNLogN[cl] / size) >= minEntropy;
            }

            kept[cl] = ok;
            if (ok)
            {
                keptClasses++;
                smallest = smallest == 0 ? size : Math.Min(smallest, size);
            }
            else
            {
                suppressed += size;
            }
        }

        return new NodeAssessment(table, sizes, kept, suppressed, suppressed <= policy.MaxSuppressed(rows), keptClasses, smallest);
    }
}
