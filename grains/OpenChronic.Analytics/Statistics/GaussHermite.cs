namespace OpenChronic.Analytics.Statistics;

/// <summary>
/// Gauss–Hermite quadrature: nodes x_k and weights w_k with ∫ f(x) e^(−x²) dx ≈ Σ w_k f(x_k), exact for polynomials of
/// degree below 2n. Nodes are the roots of the Hermite polynomial H_n, found by Newton's method on the orthonormal
/// recurrence p_j = x √(2/j) p_(j−1) − √((j−1)/j) p_(j−2), with w_k = 2 / p_n'(x_k)² (Golub &amp; Welsch 1969; the starting
/// guesses are the usual asymptotic ones of the largest roots, then extrapolation from the two previous roots).
/// </summary>
public static class GaussHermite
{
    public static (double[] Nodes, double[] Weights) Rule(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, 100);
        var nodes = new double[n];
        var weights = new double[n];
        double z = 0;
        for (var i = 0; i < (n + 1) / 2; i++)
        {
            z = i switch
            {
                0 => Math.Sqrt((2.0 * n) + 1) - (1.85575 * Math.Pow((2.0 * n) + 1, -1.0 / 6)),
                1 => z - (1.14 * Math.Pow(n, 0.426) / z),
                2 => (1.86 * z) - (0.86 * nodes[0]),
                3 => (1.91 * z) - (0.91 * nodes[1]),
                _ => (2 * z) - nodes[i - 2],
            };
            double derivative = 0;
            for (var iteration = 0; iteration < 100; iteration++)
            {
                var (value, previous) = Orthonormal(n, z);
                derivative = Math.Sqrt(2.0 * n) * previous;
                var step = value / derivative;
                z -= step;
                if (Math.Abs(step) <= 1e-15 * Math.Max(1, Math.Abs(z)))
                {
                    break;
                }
            }

            derivative = Math.Sqrt(2.0 * n) * Orthonormal(n, z).Previous;
            nodes[i] = z;
            nodes[n - 1 - i] = -z;
            weights[i] = weights[n - 1 - i] = 2 / (derivative * derivative);
        }

        if (n % 2 == 1)
        {
            nodes[n / 2] = 0;
        }

        Array.Reverse(nodes);
        Array.Reverse(weights);
        return (nodes, weights);
    }

    // The orthonormal Hermite functions' polynomial parts p_n(x) and p_(n−1)(x) (p_0 = π^(−1/4)).
    private static (double Value, double Previous) Orthonormal(int n, double x)
    {
        var p1 = Math.Pow(Math.PI, -0.25);
        double p2 = 0;
        for (var j = 1; j <= n; j++)
        {
            var p3 = p2;
            p2 = p1;
            p1 = (x * Math.Sqrt(2.0 / j) * p2) - (Math.Sqrt((j - 1.0) / j) * p3);
        }

        return (p1, p2);
    }
}
