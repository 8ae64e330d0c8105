namespace OpenChronic.Analytics.Coordination;

/// <summary>Per-patient continuity of care indices: Bice–Boxerman COC, UPC, Herfindahl, SECON, MMCI, distinct providers.</summary>
public static class ContinuityIndices
{
    /// <summary>Computes the indices from the visits (any order; SECON uses date order, ties kept in input order).</summary>
    public static ContinuityResult Compute(ReadOnlySpan<Visit> visits, string? declaredGp)
    {
        var n = visits.Length;
        if (n == 0)
        {
            return new ContinuityResult(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, 0, 0);
        }

        var counts = new Dictionary<string, (long Count, bool Gp)>(StringComparer.Ordinal);
        foreach (var visit in visits)
        {
            ArgumentNullException.ThrowIfNull(visit.ProviderId);
            counts.TryGetValue(visit.ProviderId, out var c);
            counts[visit.ProviderId] = (c.Count + 1, visit.IsGeneralPractitioner);
        }

        double sumSquares = 0;
        long maxGp = 0;
        int gps = 0, specialists = 0;
        foreach (var (_, (count, gp)) in counts)
        {
            sumSquares += (double)count * count;
            if (gp)
            {
                gps++;
                maxGp = Math.Max(maxGp, count);
            }
            else
            {
                specialists++;
            }
        }

        double total = n;
        var coc = n >= 2 ? (sumSquares - total) / (total * (total - 1)) : double.NaN;
        var declared = declaredGp is not null && counts.TryGetValue(declaredGp, out var d) ? d.Count / total : 0;
        var m = counts.Count;
        var mmci = (1 - (m / (total + 0.1))) / (1 - (1 / (total + 0.1)));
        return new ContinuityResult(
            n,
            coc,
            declaredGp is null ? double.NaN : declared,
            maxGp / total,
            sumSquares / (total * total),
            n >= 2 ? Secon(visits) : double.NaN,
            mmci,
            gps,
            specialists);
    }

    private static double Secon(ReadOnlySpan<Visit> visits)
    {
        var ordered = new (DateOnly Date, int Index)[visits.Length];
        for (var i = 0; i < ordered.Length; i++)
        {
            ordered[i] = (visits[i].Date, i);
        }

        Array.Sort(ordered);
        var same = 0;
        for (var j = 0; j + 1 < ordered.Length; j++)
        {
            if (string.Equals(visits[ordered[j].Index].ProviderId, visits[ordered[j + 1].Index].ProviderId, StringComparison.Ordinal))
            {
                same++;
            }
        }

        return same / (double)(ordered.Length - 1);
    }
}
