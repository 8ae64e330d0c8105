using OpenChronic.Analytics.Coordination;

namespace OpenChronic.Analytics.Tests.Coordination;

public sealed class CoordinationTallyTests
{
    private static PatientYearContinuity Patient(double coc, int visits, int gps) =>
        new(new ContinuityResult(visits, coc, double.NaN, 0.5, 0.5, 0.5, 0.5, gps, 1), new ContinuityResult(visits, coc, double.NaN, 0.5, 0.5, 0.5, 0.5, gps, 0));

    private static IndexStay Stay(int? gp, int? specialist, int? readmission, bool prior, bool? background) =>
        new(0, 5, 1, gp, specialist, readmission, prior, background);

    [Fact]
    public void AddPatient_CountsMeanAndQuantiles()
    {
        var t = new CoordinationTally();
        t.AddPatient(Patient(0.205, 4, 1));
        t.AddPatient(Patient(0.405, 6, 2));
        t.AddPatient(Patient(double.NaN, 1, 1));
        Assert.Equal(3, t[CoordinationCount.Persons]);
        Assert.Equal(2, t.Defined(CoordinationMeasure.Coc));
        Assert.Equal(1, t.Undefined(CoordinationMeasure.Coc));
        Assert.Equal(3, t.Undefined(CoordinationMeasure.UpcDeclaredGp));
        Assert.Equal(0.305, t.Mean(CoordinationMeasure.Coc), 12);

        // Bins 20 and 40 hold one value each: the median is the top of bin 20 (0.21), interpolated.
        Assert.Equal(0.21, t.Quantile(CoordinationMeasure.Coc, 0.5), 12);
        Assert.Equal(1, t.Histogram(CoordinationMeasure.DistinctGps)[2]);
        Assert.Equal(4, t.Quantile(CoordinationMeasure.Visits, 0.4));
        Assert.Equal(11.0 / 3, t.Mean(CoordinationMeasure.Visits), 12);
    }

    [Fact]
    public void AddStays_CountsIndicators()
    {
        var t = new CoordinationTally();
        t.AddStays([Stay(3, 10, 20, true, false), Stay(12, null, null, false, null)]);
        t.AddStays([]);
        t.AddStays([Stay(null, 2, 40, true, true)]);
        Assert.Equal(2, t[CoordinationCount.StayPersons]);
        Assert.Equal(3, t[CoordinationCount.Stays]);
        Assert.Equal(1, t[CoordinationCount.GpWithin7]);
        Assert.Equal(2, t[CoordinationCount.GpWithin30]);
        Assert.Equal(1, t[CoordinationCount.SpecialistWithin7]);
        Assert.Equal(2, t[CoordinationCount.SpecialistWithin30]);
        Assert.Equal(1, t[CoordinationCount.ReadmittedWithin30]);
        Assert.Equal(2, t[CoordinationCount.PriorGp]);
        Assert.Equal(2, t[CoordinationCount.BackgroundObserved]);
        Assert.Equal(1, t[CoordinationCount.BackgroundGp]);
        Assert.Equal(1, t.Undefined(CoordinationMeasure.DaysToGp));
        Assert.Equal(7.5, t.Mean(CoordinationMeasure.DaysToGp), 12);
    }

    [Fact]
    public void Merge_EqualsAddingEverythingToOne()
    {
        var a = new CoordinationTally();
        var b = new CoordinationTally();
        var all = new CoordinationTally();
        a.AddPatient(Patient(0.3, 5, 2));
        all.AddPatient(Patient(0.3, 5, 2));
        b.AddPatient(Patient(0.9, 8, 1));
        all.AddPatient(Patient(0.9, 8, 1));
        b.AddStays([Stay(1, null, null, false, true)]);
        all.AddStays([Stay(1, null, null, false, true)]);
        a.Merge(b);
        Assert.Equal(all.Counts.ToArray(), a.Counts.ToArray());
        Assert.Equal(all.Sums.ToArray(), a.Sums.ToArray());
    }

    [Fact]
    public void FromVectors_RoundTrips_AndRejectsWrongLengths()
    {
        var t = new CoordinationTally();
        t.AddPatient(Patient(0.7, 3, 1));
        var copy = CoordinationTally.FromVectors(t.Counts, t.Sums);
        Assert.Equal(t.Counts.ToArray(), copy.Counts.ToArray());
        Assert.Throws<ArgumentException>(() => CoordinationTally.FromVectors(new long[3], t.Sums));
    }
}
