namespace OpenChronic.Domain.Tests.Privacy.DifferentialPrivacy;

/// <summary>Moments of a symmetric integer distribution computed from first principles (its weight function).</summary>
internal sealed class NoiseMoments
{
    public NoiseMoments(Func<long, double> weight, long range)
    {
        double total = 0, second = 0, fourth = 0;
        for (var x = -range; x <= range; x++)
        {
            var w = weight(x);
            total += w;
            second += (double)x * x * w;
            fourth += (double)x * x * x * x * w;
        }

        Variance = second / total;
        FourthMoment = fourth / total;
        Weight = weight;
        Range = range;
        Total = total;
    }

    public double Variance { get; }

    public double FourthMoment { get; }

    private Func<long, double> Weight { get; }

    private long Range { get; }

    private double Total { get; }

    public double Tail(long k)
    {
        double tail = 0;
        for (var x = k; x <= Range; x++)
        {
            tail += 2 * Weight(x);
        }

        return tail / Total;
    }
}
