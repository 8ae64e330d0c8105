namespace OpenChronic.Analytics.Coordination;

/// <summary>Care density (Pollack et al. 2013): mean number of patients shared over all pairs of a patient's providers.</summary>
public static class CareDensity
{
    /// <summary>C_p = Σ_{j&lt;k} w_jk / (m(m−1)/2) over the m distinct providers; w_jk from <paramref name="sharedPatients"/> (unordered pair). NaN when m &lt; 2.</summary>
    public static double Compute(IReadOnlyList<string> providers, Func<string, string, long> sharedPatients)
    {
        ArgumentNullException.ThrowIfNull(providers);
        ArgumentNullException.ThrowIfNull(sharedPatients);
        var distinct = providers.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var m = distinct.Length;
        if (m < 2)
        {
            return double.NaN;
        }

        double sum = 0;
        for (var j = 0; j < m; j++)
        {
            for (var k = j + 1; k < m; k++)
            {
                sum += sharedPatients(distinct[j], distinct[k]);
            }
        }

        return sum / (m * (m - 1) / 2.0);
    }
}
