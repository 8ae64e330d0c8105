using OpenChronic.Analytics.Coordination;
using OpenChronic.Domain.Pathways;
using static OpenChronic.Analytics.Tests.Coordination.CoordinationEvents;

namespace OpenChronic.Analytics.Tests.Coordination;

public sealed class PatientContinuityTests
{
    // 2020 community physician visits in date order: GP A, GP A, cardiologist C, GP B, GP A. Excluded: a hospital
    // consultation, a nurse (specialty 0), a visit in 2019 and a dispensation.
    private static readonly CareEvent[] s_timeline = Sorted(
        Visit(Day(2019, 12, 20), 1, "A"),
        Visit(Day(2020, 1, 5), 1, "A"),
        Visit(Day(2020, 2, 3), 1, "A"),
        Visit(Day(2020, 3, 1), 3, "C"),
        Visit(Day(2020, 4, 2), 1, "B"),
        Visit(Day(2020, 5, 7), 1, "A"),
        Visit(Day(2020, 6, 1), 1, "H", hospital: true),
        Visit(Day(2020, 6, 2), 0, "N"),
        new CareEvent(Day(2020, 6, 3), Day(2020, 6, 3), CareEventKind.Dispensation, CareEventTraits.None, 0, PackedCode.Pack("C03CA01"), PackedCode.Pack("A"), 1f));

    [Fact]
    public void Compute_AllPhysicians_MatchesHandComputation()
    {
        // N = 5, n = (A 3, B 1, C 1): COC = (11 − 5)/20 = 0.3, HHI = 11/25, UPC(A) = 0.6, declared B = 0.2,
        // SECON (AA, AC, CB, BA) = 1/4, MMCI = (1 − 3/5.1)/(1 − 1/5.1).
        var r = PatientContinuity.Compute(s_timeline, 2020, PackedCode.Pack("B")).Physicians;
        Assert.Equal(5, r.Visits);
        Assert.Equal(0.3, r.BiceBoxerman, 12);
        Assert.Equal(0.44, r.Herfindahl, 12);
        Assert.Equal(0.6, r.UpcMostSeenGp, 12);
        Assert.Equal(0.2, r.UpcDeclaredGp, 12);
        Assert.Equal(0.25, r.Secon, 12);
        Assert.Equal((1 - (3 / 5.1)) / (1 - (1 / 5.1)), r.Mmci, 12);
        Assert.Equal(2, r.DistinctGps);
        Assert.Equal(1, r.DistinctSpecialists);
    }

    [Fact]
    public void Compute_GeneralPracticeOnly_MatchesHandComputation()
    {
        // GP visits A, A, B, A: N = 4, n = (3, 1): COC = (10 − 4)/12 = 0.5, UPC = 0.75, HHI = 10/16,
        // SECON (AA, AB, BA) = 1/3, MMCI = (1 − 2/4.1)/(1 − 1/4.1), declared B = 0.25.
        var r = PatientContinuity.Compute(s_timeline, 2020, PackedCode.Pack("B")).GeneralPractice;
        Assert.Equal(4, r.Visits);
        Assert.Equal(0.5, r.BiceBoxerman, 12);
        Assert.Equal(0.75, r.UpcMostSeenGp, 12);
        Assert.Equal(0.625, r.Herfindahl, 12);
        Assert.Equal(1 / 3.0, r.Secon, 12);
        Assert.Equal((1 - (2 / 4.1)) / (1 - (1 / 4.1)), r.Mmci, 12);
        Assert.Equal(0.25, r.UpcDeclaredGp, 12);
        Assert.Equal(0, r.DistinctSpecialists);
    }

    [Fact]
    public void Compute_StudyPeriod_PoolsTheVisitsOfItsYears()
    {
        // 2019-12-20 to 2020-12-31 adds the 2019 GP A visit: GP visits A, A, A, B, A; UPC declared B = 1/5.
        var r = PatientContinuity.Compute(s_timeline, new DateOnly(2019, 1, 1), new DateOnly(2020, 12, 31), PackedCode.Pack("B")).GeneralPractice;
        Assert.Equal(5, r.Visits);
        Assert.Equal(0.2, r.UpcDeclaredGp, 12);
        Assert.Equal(0.8, r.UpcMostSeenGp, 12);

        // A period ending the day before the 2020-04-02 visit of B keeps A, A, A only.
        var before = PatientContinuity.Compute(s_timeline, new DateOnly(2019, 1, 1), new DateOnly(2020, 4, 1), PackedCode.Pack("B")).GeneralPractice;
        Assert.Equal(3, before.Visits);
        Assert.Equal(0, before.UpcDeclaredGp, 12);
    }

    [Fact]
    public void Compute_NoDeclaredGp_DeclaredUpcIsNaN()
    {
        var r = PatientContinuity.Compute(s_timeline, 2020).Physicians;
        Assert.True(double.IsNaN(r.UpcDeclaredGp));
        Assert.Equal(0.6, r.UpcMostSeenGp, 12);
    }

    [Fact]
    public void Compute_IncludeHospital_CountsHospitalConsultation()
    {
        // A, A, C, B, A, H: N = 6, n = (3, 1, 1, 1): COC = (12 − 6)/30 = 0.2; 3 GPs.
        var r = PatientContinuity.Compute(s_timeline, 2020, includeHospital: true).Physicians;
        Assert.Equal(6, r.Visits);
        Assert.Equal(0.2, r.BiceBoxerman, 12);
        Assert.Equal(3, r.DistinctGps);
    }

    [Fact]
    public void Compute_YearWithoutVisits_IsEmpty()
    {
        var r = PatientContinuity.Compute(s_timeline, 2021);
        Assert.Equal(0, r.Physicians.Visits);
        Assert.True(double.IsNaN(r.Physicians.BiceBoxerman));
    }
}
