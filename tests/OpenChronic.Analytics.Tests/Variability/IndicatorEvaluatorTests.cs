using OpenChronic.Analytics.Variability.Indicators;
using OpenChronic.Domain.Pathways;

namespace OpenChronic.Analytics.Tests.Variability;

/// <summary>Indicators evaluated on hand-made timelines.</summary>
public sealed class IndicatorEvaluatorTests
{
    private const string Eta = "750000011";
    private static readonly int s_jan2020 = new DateOnly(2020, 1, 1).DayNumber;
    private static readonly int s_end2021 = new DateOnly(2021, 12, 31).DayNumber;
    private static readonly PatientDemographics s_woman70 = new(2, 1950, "075", null);
    private static readonly PatientPathway s_none = new([], [], [], []);

    private static IndicatorEvaluator For(string id) => new(IndicatorCatalogue.Default.Find(id)!);

    private static PatientPathway With(string condition, int year) => new([new ConditionYear(condition, year, ConditionEvidence.Ald)], [], [], []);

    private static CareEvent Bio(int day, string nabm = "1577") =>
        new(day, day, CareEventKind.Biology, CareEventTraits.None, 0, PackedCode.Pack(nabm), 0, 1);

    private static CareEvent Gp(int day, string gp = "75100012", bool hospital = false) =>
        new(day, day, CareEventKind.Consultation, hospital ? CareEventTraits.Hospital : CareEventTraits.None, 1, PackedCode.Pack("1110"), PackedCode.Pack(gp), 1);

    private static CareEvent[] Stay(int admission, int discharge, string dp = "I500", string ghm = "05M09T", string eta = Eta) =>
    [
        new(admission, discharge, CareEventKind.HospitalStay, CareEventTraits.Hospital, 0, PackedCode.Pack(ghm), PackedCode.Pack(eta), 1),
        new(admission, admission, CareEventKind.Diagnosis, CareEventTraits.Hospital | CareEventTraits.Principal, 0, PackedCode.Pack(dp), PackedCode.Pack(eta), 0),
    ];

    private static CareEvent[] Timeline(params IEnumerable<CareEvent>[] parts)
    {
        var all = parts.SelectMany(p => p).ToArray();
        Array.Sort(all);
        return all;
    }

    [Fact]
    public void Hba1c_TwoTestsOnDistinctDays_IsMet_InTheWomanOver65Stratum()
    {
        var c = Assert.Single(For("hba1c_monitoring_rate").Evaluate(Timeline([Bio(s_jan2020 + 10), Bio(s_jan2020 + 200)]),
            With("diabetes", 2020), s_woman70, 2020, UnitLevel.Departement, s_end2021));
        Assert.Equal(new IndicatorContribution("075", AgeSexStrata.Of(70, 2), 1, 1), c);
        Assert.Equal("65-74 F", AgeSexStrata.Label(c.Stratum));
    }

    [Fact]
    public void Hba1c_TwoTestsOnOneDayOrAnotherCode_IsNotMet()
    {
        var c = Assert.Single(For("hba1c_monitoring_rate").Evaluate(Timeline([Bio(s_jan2020 + 10), Bio(s_jan2020 + 10), Bio(s_jan2020 + 50, "552")]),
            With("diabetes", 2020), s_woman70, 2020, UnitLevel.Departement, s_end2021));
        Assert.Equal(0, c.Numerator);
        Assert.Equal(1, c.Denominator);
    }

    [Fact]
    public void Hba1c_NotDiabeticThatYear_DiedInTheYear_OrMinor_IsNotInThePopulation()
    {
        var e = For("hba1c_monitoring_rate");
        Assert.Empty(e.Evaluate(Timeline([Bio(s_jan2020)]), With("diabetes", 2019), s_woman70, 2020, UnitLevel.Departement, s_end2021));
        Assert.Empty(e.Evaluate([], With("diabetes", 2020), s_woman70 with { DeathDay = s_jan2020 + 300 }, 2020, UnitLevel.Departement, s_end2021));
        Assert.Empty(e.Evaluate([], With("diabetes", 2020), s_woman70 with { BirthYear = 2005 }, 2020, UnitLevel.Departement, s_end2021));
    }

    [Fact]
    public void Hba1c_ByGp_GoesToTheMostSeenGp_TiesToTheSmallestNumber()
    {
        var e = For("hba1c_monitoring_rate");
        var visits = new[] { Gp(s_jan2020 + 1, "75100029"), Gp(s_jan2020 + 2, "75100029"), Gp(s_jan2020 + 3, "75100012"), Gp(s_jan2020 + 4, "75100099", hospital: true) };
        Assert.Equal("75100029", Assert.Single(e.Evaluate(Timeline(visits), With("diabetes", 2020), s_woman70, 2020, UnitLevel.Gp, s_end2021)).Unit);
        var tie = visits.Append(Gp(s_jan2020 + 5, "75100012")).ToArray();
        Assert.Equal("75100012", Assert.Single(e.Evaluate(Timeline(tie), With("diabetes", 2020), s_woman70, 2020, UnitLevel.Gp, s_end2021)).Unit);
        Assert.Equal("", Assert.Single(e.Evaluate([], With("diabetes", 2020), s_woman70, 2020, UnitLevel.Gp, s_end2021)).Unit);
    }

    [Fact]
    public void PatientIndicator_ByEstablishment_IsRejected() =>
        Assert.Throws<ArgumentException>(() => For("hba1c_monitoring_rate").Evaluate([], s_none, s_woman70, 2020, UnitLevel.Establishment, s_end2021));

    [Fact]
    public void EyeExam_LooksBackOverTheYearBefore()
    {
        var retinography = new CareEvent(s_jan2020 - 100, s_jan2020 - 100, CareEventKind.Act, CareEventTraits.None, 15, PackedCode.Pack("BGQP007"), 0, 1);
        var e = For("diabetic_eye_exam_2y");
        Assert.Equal(1, Assert.Single(e.Evaluate([retinography], With("diabetes", 2020), s_woman70, 2020, UnitLevel.Departement, s_end2021)).Numerator);
        Assert.Equal(0, Assert.Single(e.Evaluate([retinography], With("diabetes", 2021), s_woman70, 2021, UnitLevel.Departement, s_end2021)).Numerator);
    }

    [Fact]
    public void Statins_RegularisationLineDoesNotCount()
    {
        var statin = new CareEvent(s_jan2020 + 3, s_jan2020 + 3, CareEventKind.Dispensation, CareEventTraits.None, 0, PackedCode.Pack("C10AA05"), 3400930000001, 1);
        var e = For("statin_coronary");
        Assert.Equal(1, Assert.Single(e.Evaluate([statin], With("coronary", 2020), s_woman70, 2020, UnitLevel.Departement, s_end2021)).Numerator);
        Assert.Equal(0, Assert.Single(e.Evaluate([statin with { Value = -1 }], With("coronary", 2020), s_woman70, 2020, UnitLevel.Departement, s_end2021)).Numerator);
    }

    [Fact]
    public void GpAfterHeartFailure_CommunityVisitWithinSevenDays_CountsPerEstablishment()
    {
        var d = s_jan2020 + 40;
        var e = For("gp_visit_7d_after_hf_discharge");
        var followed = Timeline(Stay(d - 6, d), [Gp(d + 7)]);
        Assert.Equal(new IndicatorContribution(Eta, AgeSexStrata.Of(70, 2), 1, 1), Assert.Single(e.Evaluate(followed, s_none, s_woman70, 2020, UnitLevel.Establishment, s_end2021)));
        Assert.Equal(0, Assert.Single(e.Evaluate(Timeline(Stay(d - 6, d), [Gp(d + 8)]), s_none, s_woman70, 2020, UnitLevel.Establishment, s_end2021)).Numerator);
        Assert.Equal(0, Assert.Single(e.Evaluate(Timeline(Stay(d - 6, d), [Gp(d + 2, hospital: true)]), s_none, s_woman70, 2020, UnitLevel.Departement, s_end2021)).Numerator);
    }

    [Fact]
    public void GpAfterHeartFailure_OtherDiagnosis_DeathOrWindowPastTheData_IsNoIndex()
    {
        var d = s_jan2020 + 40;
        var e = For("gp_visit_7d_after_hf_discharge");
        Assert.Empty(e.Evaluate(Timeline(Stay(d - 6, d, dp: "J189")), s_none, s_woman70, 2020, UnitLevel.Departement, s_end2021));
        Assert.Empty(e.Evaluate(Timeline(Stay(d - 6, d)), s_none, s_woman70 with { DeathDay = d + 3 }, 2020, UnitLevel.Departement, s_end2021));
        Assert.Empty(e.Evaluate(Timeline(Stay(d - 6, d)), s_none, s_woman70, 2020, UnitLevel.Departement, d + 6));
    }

    [Fact]
    public void Readmission_TransferIsOneEpisode_SessionsAreNotReadmissions()
    {
        var d = s_jan2020 + 40;
        var e = For("readmission_30d_after_hf");

        // First stay transferred on its discharge day to another establishment: one episode, discharged by the second.
        var transferred = Timeline(Stay(d - 10, d - 4), Stay(d - 4, d, eta: "750000029"), Stay(d + 20, d + 25));
        var byEstablishment = e.Evaluate(transferred, s_none, s_woman70, 2020, UnitLevel.Establishment, s_end2021);
        Assert.Equal([new IndicatorContribution("750000029", AgeSexStrata.Of(70, 2), 1, 1), new IndicatorContribution(Eta, AgeSexStrata.Of(70, 2), 1, 0)], byEstablishment);
        Assert.Equal(new IndicatorContribution("075", AgeSexStrata.Of(70, 2), 2, 1), Assert.Single(e.Evaluate(transferred, s_none, s_woman70, 2020, UnitLevel.Departement, s_end2021)));

        var chemo = Timeline(Stay(d - 6, d), Stay(d + 5, d + 5, dp: "Z511", ghm: "28Z07Z"));
        Assert.Equal(new IndicatorContribution("075", AgeSexStrata.Of(70, 2), 1, 0), Assert.Single(e.Evaluate(chemo, s_none, s_woman70, 2020, UnitLevel.Departement, s_end2021)));
    }

    [Fact]
    public void Readmission_DischargedInAnotherYear_OrDeadInHospital_IsNoIndex()
    {
        var e = For("readmission_30d_after_hf");
        var d = s_jan2020 - 2;
        Assert.Empty(e.Evaluate(Timeline(Stay(d - 5, d)), s_none, s_woman70, 2020, UnitLevel.Departement, s_end2021));
        var death = new CareEvent(s_jan2020 + 30, s_jan2020 + 30, CareEventKind.Death, CareEventTraits.Hospital, 0, 0, PackedCode.Pack(Eta), 0);
        Assert.Empty(e.Evaluate(Timeline(Stay(s_jan2020 + 20, s_jan2020 + 30), [death]), s_none, s_woman70, 2020, UnitLevel.Departement, s_end2021));
    }
}
