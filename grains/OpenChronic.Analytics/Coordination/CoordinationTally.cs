namespace OpenChronic.Analytics.Coordination;

/// <summary>
/// Mergeable accumulator of coordination measures for one territory or cohort: a histogram per
/// <see cref="CoordinationMeasure"/> (fixed bins, so that partial tallies add element-wise), a count of undefined
/// values and a sum per measure, and the <see cref="CoordinationCount"/> counters. It holds no identifier.
/// </summary>
public sealed class CoordinationTally
{
    /// <summary>Follow-up horizon of the time-to-contact histograms (days 0 … 90; later or never counts as undefined).</summary>
    public const int ContactHorizon = 90;

    private static readonly (double Width, int Bins, bool Integer)[] s_specs = Specs();
    private static readonly int[] s_offsets = Offsets();

    private readonly long[] _counts;
    private readonly double[] _sums;

    public CoordinationTally()
    {
        _counts = new long[CountLength];
        _sums = new double[s_specs.Length];
    }

    private CoordinationTally(long[] counts, double[] sums)
    {
        _counts = counts;
        _sums = sums;
    }

    /// <summary>Length of the counts vector.</summary>
    public static int CountLength => s_offsets[^1];

    /// <summary>Length of the sums vector.</summary>
    public static int SumLength => s_specs.Length;

    /// <summary>The raw counts (scalars, then for each measure its bins and its undefined count), for the wire.</summary>
    public ReadOnlySpan<long> Counts => _counts;

    /// <summary>The raw sums (one per measure), for the wire.</summary>
    public ReadOnlySpan<double> Sums => _sums;

    /// <summary>Rebuilds a tally from its vectors (as produced by <see cref="Counts"/> and <see cref="Sums"/>).</summary>
    public static CoordinationTally FromVectors(ReadOnlySpan<long> counts, ReadOnlySpan<double> sums)
    {
        if (counts.Length != CountLength || sums.Length != SumLength)
        {
            throw new ArgumentException($"A tally has {CountLength} counts and {SumLength} sums (got {counts.Length} and {sums.Length}).");
        }

        return new CoordinationTally(counts.ToArray(), sums.ToArray());
    }

    public long this[CoordinationCount count] => _counts[(int)count];

    /// <summary>Adds one person's indices for the year.</summary>
    public void AddPatient(in PatientYearContinuity continuity)
    {
        var p = continuity.Physicians;
        var g = continuity.GeneralPractice;
        _counts[(int)CoordinationCount.Persons]++;
        Add(CoordinationMeasure.Coc, p.BiceBoxerman);
        Add(CoordinationMeasure.UpcMostSeenGp, p.Visits == 0 ? double.NaN : p.UpcMostSeenGp);
        Add(CoordinationMeasure.UpcDeclaredGp, p.UpcDeclaredGp);
        Add(CoordinationMeasure.Herfindahl, p.Herfindahl);
        Add(CoordinationMeasure.Secon, p.Secon);
        Add(CoordinationMeasure.Mmci, p.Mmci);
        Add(CoordinationMeasure.GpCoc, g.BiceBoxerman);
        Add(CoordinationMeasure.GpUpc, g.Visits == 0 ? double.NaN : g.UpcMostSeenGp);
        Add(CoordinationMeasure.Visits, p.Visits);
        Add(CoordinationMeasure.DistinctGps, p.DistinctGps);
        Add(CoordinationMeasure.DistinctSpecialists, p.DistinctSpecialists);
    }

    /// <summary>Adds one person's index stays (the person counts in <see cref="CoordinationCount.StayPersons"/> when there is one).</summary>
    public void AddStays(IReadOnlyList<IndexStay> stays)
    {
        ArgumentNullException.ThrowIfNull(stays);
        if (stays.Count > 0)
        {
            _counts[(int)CoordinationCount.StayPersons]++;
        }

        foreach (var s in stays)
        {
            Increment(CoordinationCount.Stays, true);
            Increment(CoordinationCount.GpWithin7, s.GpWithin(7));
            Increment(CoordinationCount.GpWithin30, s.GpWithin(30));
            Increment(CoordinationCount.SpecialistWithin7, s.SpecialistWithin(7));
            Increment(CoordinationCount.SpecialistWithin30, s.SpecialistWithin(30));
            Increment(CoordinationCount.ReadmittedWithin30, s.ReadmittedWithin(30));
            Increment(CoordinationCount.PriorGp, s.PriorGp);
            Increment(CoordinationCount.BackgroundObserved, s.BackgroundGp is not null);
            Increment(CoordinationCount.BackgroundGp, s.BackgroundGp == true);
            Add(CoordinationMeasure.DaysToGp, s.DaysToGp is { } d && d <= ContactHorizon ? d : double.NaN);
            Add(CoordinationMeasure.DaysToSpecialist, s.DaysToSpecialist is { } t && t <= ContactHorizon ? t : double.NaN);
        }
    }

    /// <summary>Adds one person's care density (NaN when the person saw fewer than two providers).</summary>
    public void AddCareDensity(double value) => Add(CoordinationMeasure.CareDensity, value);

    /// <summary>Adds another tally into this one.</summary>
    public void Merge(CoordinationTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        for (var i = 0; i < _sums.Length; i++)
        {
            _sums[i] += other._sums[i];
        }
    }

    /// <summary>The bins of a measure (bin k holds values in [k·w, (k+1)·w); the last bin also holds larger values).</summary>
    public ReadOnlySpan<long> Histogram(CoordinationMeasure measure) =>
        _counts.AsSpan(s_offsets[(int)measure], s_specs[(int)measure].Bins);

    /// <summary>Width of the bins of a measure.</summary>
    public static double BinWidth(CoordinationMeasure measure) => s_specs[(int)measure].Width;

    /// <summary>Number of defined values of a measure.</summary>
    public long Defined(CoordinationMeasure measure)
    {
        long n = 0;
        foreach (var c in Histogram(measure))
        {
            n += c;
        }

        return n;
    }

    /// <summary>Number of undefined values (NaN: too few visits, no declared GP, no contact within the horizon).</summary>
    public long Undefined(CoordinationMeasure measure) => _counts[s_offsets[(int)measure] + s_specs[(int)measure].Bins];

    /// <summary>Mean of the defined values (exact, from the sums); NaN when none.</summary>
    public double Mean(CoordinationMeasure measure)
    {
        var n = Defined(measure);
        return n == 0 ? double.NaN : _sums[(int)measure] / n;
    }

    /// <summary>
    /// Quantile <paramref name="p"/> of the defined values from the histogram: linear inside the bin for continuous
    /// measures (error at most one bin width, 0.01 for the indices), the bin's value for integer measures.
    /// </summary>
    public double Quantile(CoordinationMeasure measure, double p)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1);
        var bins = Histogram(measure);
        var n = Defined(measure);
        if (n == 0)
        {
            return double.NaN;
        }

        var (width, _, integer) = s_specs[(int)measure];
        var target = p * n;
        double cumulative = 0;
        for (var k = 0; k < bins.Length; k++)
        {
            if (bins[k] == 0)
            {
                continue;
            }

            if (cumulative + bins[k] >= target)
            {
                return integer ? k * width : (k + ((target - cumulative) / bins[k])) * width;
            }

            cumulative += bins[k];
        }

        return (bins.Length - (integer ? 1 : 0)) * width;
    }

    private void Increment(CoordinationCount count, bool condition)
    {
        if (condition)
        {
            _counts[(int)count]++;
        }
    }

    private void Add(CoordinationMeasure measure, double value)
    {
        var m = (int)measure;
        var (width, bins, _) = s_specs[m];
        if (double.IsNaN(value))
        {
            _counts[s_offsets[m] + bins]++;
            return;
        }

        var k = (int)Math.Clamp(Math.Floor(value / width), 0, bins - 1);
        _counts[s_offsets[m] + k]++;
        _sums[m] += value;
    }

    private static (double, int, bool)[] Specs()
    {
        var specs = new (double, int, bool)[Enum.GetValues<CoordinationMeasure>().Length];
        for (var m = 0; m < specs.Length; m++)
        {
            specs[m] = (CoordinationMeasure)m switch
            {
                CoordinationMeasure.Visits or CoordinationMeasure.DistinctGps or CoordinationMeasure.DistinctSpecialists => (1.0, 51, true),
                CoordinationMeasure.CareDensity => (1.0, 201, false),
                CoordinationMeasure.DaysToGp or CoordinationMeasure.DaysToSpecialist => (1.0, ContactHorizon + 1, true),
                _ => (0.01, 100, false),
            };
        }

        return specs;
    }

    private static int[] Offsets()
    {
        var offsets = new int[s_specs.Length + 1];
        offsets[0] = Enum.GetValues<CoordinationCount>().Length;
        for (var m = 0; m < s_specs.Length; m++)
        {
            offsets[m + 1] = offsets[m] + s_specs[m].Bins + 1;
        }

        return offsets;
    }
}
