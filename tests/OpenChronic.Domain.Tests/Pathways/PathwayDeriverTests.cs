using OpenChronic.Domain.Pathways;

namespace OpenChronic.Domain.Tests.Pathways;

public sealed class PathwayDeriverTests
{
    private static readonly DateOnly s_d0 = new(2020, 1, 1);

    private static CareEvent Dispense(int day, string atc, float boxes, long cip = 3400930000001) =>
        new(s_d0.DayNumber + day, s_d0.DayNumber + day, CareEventKind.Dispensation, CareEventTraits.None, 0, PackedCode.Pack(atc), (ulong)cip, boxes);

    [Fact]
    public void Derive_RegularisedDispensation_DoesNotCountAsADate()
    {
        var timeline = new PatientTimeline();
        timeline.Add([Dispense(0, "A10BA02", 1), Dispense(40, "A10BA02", 1), Dispense(80, "A10BA02", 1), Dispense(80, "A10BA02", -1)]);
        var pathway = new PathwayDeriver(CaseDefinitionCatalogue.Default).Derive(timeline.Events, [2020]);
        Assert.DoesNotContain(pathway.Conditions, c => c.ConditionId == "diabetes");
        var line = Assert.Single(pathway.TreatmentLines);
        Assert.Equal("diabetes", line.ConditionId);
        Assert.Equal(s_d0.AddDays(69), line.Line.End);
    }

    [Fact]
    public void Derive_OpenAldRegistrationAndStayDiagnoses_GiveConditionsEpisodesAndStays()
    {
        var timeline = new PatientTimeline();
        timeline.Add([
            new(s_d0.DayNumber, DateOnly.MaxValue.DayNumber, CareEventKind.AldRegistration, CareEventTraits.None, 0, PackedCode.Pack("I500"), 0, 5),
            new(s_d0.DayNumber + 100, s_d0.DayNumber + 105, CareEventKind.HospitalStay, CareEventTraits.Hospital, 0, PackedCode.Pack("05K13"), 1, 0),
            new(s_d0.DayNumber + 100, s_d0.DayNumber + 100, CareEventKind.Diagnosis, CareEventTraits.Principal | CareEventTraits.Hospital, 0, PackedCode.Pack("I214"), 1, 0),
        ]);
        var pathway = new PathwayDeriver(CaseDefinitionCatalogue.Default).Derive(timeline.Events, [2020, 2021]);
        Assert.Contains(new ConditionYear("heart_failure", 2021, ConditionEvidence.Ald), pathway.Conditions);
        Assert.Contains(new ConditionYear("coronary", 2020, ConditionEvidence.Hospital), pathway.Conditions);
        Assert.Equal([new AldEpisode(5, "I500", s_d0, null)], pathway.AldEpisodes);
        Assert.Equal(s_d0.AddDays(105), Assert.Single(pathway.HospitalEpisodes).Discharge);
    }

    [Fact]
    public void Derive_YearsAfterDeath_HaveNoConditions()
    {
        var timeline = new PatientTimeline();
        timeline.Add([
            new(s_d0.DayNumber, DateOnly.MaxValue.DayNumber, CareEventKind.AldRegistration, CareEventTraits.None, 0, PackedCode.Pack("E119"), 0, 8),
            new(s_d0.DayNumber + 200, s_d0.DayNumber + 200, CareEventKind.Death, CareEventTraits.None, 0, PackedCode.Pack("E119"), 0, 0),
        ]);
        var pathway = new PathwayDeriver(CaseDefinitionCatalogue.Default).Derive(timeline.Events, [2020, 2021]);
        Assert.Equal([new ConditionYear("diabetes", 2020, ConditionEvidence.Ald)], pathway.Conditions);
    }

    [Fact]
    public void DeriveSequences_SameLinesAndEpisodesAsTheWholeDerivation()
    {
        var timeline = new PatientTimeline();
        timeline.Add([
            Dispense(0, "A10BA02", 1), Dispense(30, "A10BA02", 1), Dispense(45, "A10BB01", 2), Dispense(200, "C09AA05", 1),
            new(s_d0.DayNumber + 100, s_d0.DayNumber + 105, CareEventKind.HospitalStay, CareEventTraits.Hospital, 0, PackedCode.Pack("05K13"), 1, 0),
            new(s_d0.DayNumber + 110, s_d0.DayNumber + 110, CareEventKind.Consultation, CareEventTraits.None, 1, PackedCode.Pack("1110"), PackedCode.Pack("GP1"), 1),
            new(s_d0.DayNumber + 120, s_d0.DayNumber + 122, CareEventKind.HospitalStay, CareEventTraits.Hospital, 0, PackedCode.Pack("05K13"), 1, 0),
        ]);
        var deriver = new PathwayDeriver(CaseDefinitionCatalogue.Default);
        var whole = deriver.Derive(timeline.Events, [2020]);

        var (lines, episodes) = deriver.DeriveSequences(timeline.Events);

        Assert.NotEmpty(lines);
        Assert.Equal(whole.TreatmentLines, lines);
        Assert.Equal(whole.HospitalEpisodes, episodes);
        Assert.Equal([5, null], episodes.Select(e => e.DaysToGp));
        Assert.Equal([15, null], episodes.Select(e => e.DaysToReadmission));
    }
}
