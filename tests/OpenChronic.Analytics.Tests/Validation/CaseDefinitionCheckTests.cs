using OpenChronic.Analytics.Validation;
using OpenChronic.Domain.Pathways;

namespace OpenChronic.Analytics.Tests.Validation;

public sealed class CaseDefinitionCheckTests
{
    private static readonly Dictionary<string, DateOnly> s_noDeaths = [];

    private static TrueCondition Diabetes(string patient, DateOnly onset, DateOnly? aldStart = null) =>
        new(patient, "diabetes", onset, aldStart, aldStart is null ? null : new DateOnly(1600, 1, 1), null);

    [Fact]
    public void Compare_CountsTruePositivesMissesAndFalsePositives()
    {
        TrueCondition[] truth =
        [
            Diabetes("a", new DateOnly(2015, 3, 1), new DateOnly(2015, 6, 1)),
            Diabetes("b", new DateOnly(2019, 11, 20)),
            Diabetes("c", new DateOnly(2010, 1, 1)),
            Diabetes("d", new DateOnly(2021, 2, 1)),
        ];
        DetectedCondition[] detected =
        [
            new("a", 2019, "diabetes", ConditionEvidence.Ald | ConditionEvidence.Drugs),
            new("d", 2019, "diabetes", ConditionEvidence.Drugs),
            new("e", 2019, "diabetes", ConditionEvidence.Hospital),
        ];

        var r = Assert.Single(CaseDefinitionCheck.Compare(["diabetes"], [2019], truth, s_noDeaths, detected));

        Assert.Equal(3, r.TrueCases);
        Assert.Equal(3, r.Detected);
        Assert.Equal(1, r.TruePositives);
        Assert.Equal(1.0 / 3, r.Sensitivity, 10);
        Assert.Equal(1.0 / 3, r.Ppv, 10);
        Assert.Equal(1, r.MissedBy[CaseDefinitionCheck.MissedOnsetInYear]);
        Assert.Equal(1, r.MissedBy[CaseDefinitionCheck.MissedNoAld]);
        Assert.Equal(1, r.FalsePositivesBy[$"drugs ({CaseDefinitionCheck.FalseLaterOnset})"]);
        Assert.Equal(1, r.FalsePositivesBy[$"hospital ({CaseDefinitionCheck.FalseNever})"]);
    }

    [Fact]
    public void IsPrevalent_ExcludesTheDeadAndEndedCancers()
    {
        var deaths = new Dictionary<string, DateOnly> { ["dead"] = new DateOnly(2019, 12, 31), ["late"] = new DateOnly(2020, 1, 1) };
        var cancer = new TrueCondition("x", "cancer", new DateOnly(2014, 6, 1), null, null, new DateOnly(2019, 6, 1));

        Assert.True(CaseDefinitionCheck.IsPrevalent(cancer, 2019, deaths));
        Assert.False(CaseDefinitionCheck.IsPrevalent(cancer, 2020, deaths));
        Assert.False(CaseDefinitionCheck.IsPrevalent(Diabetes("dead", new DateOnly(2010, 1, 1)), 2020, deaths));
        Assert.True(CaseDefinitionCheck.IsPrevalent(Diabetes("late", new DateOnly(2010, 1, 1)), 2020, deaths));
        Assert.True(CaseDefinitionCheck.IsPrevalent(Diabetes("y", new DateOnly(2020, 12, 31)), 2020, deaths));
        Assert.False(CaseDefinitionCheck.IsPrevalent(Diabetes("y", new DateOnly(2021, 1, 1)), 2020, deaths));
    }

    [Fact]
    public void Compare_MissWithAnOpenAldInTheTruth_IsReportedAsSuch()
    {
        TrueCondition[] truth = [Diabetes("a", new DateOnly(2018, 1, 1), new DateOnly(2019, 12, 1))];

        var r = Assert.Single(CaseDefinitionCheck.Compare(["diabetes"], [2019], truth, s_noDeaths, []));

        Assert.Equal(0, r.Detected);
        Assert.True(double.IsNaN(r.Ppv));
        Assert.Equal(0.0, r.Sensitivity);
        Assert.Equal(1, r.MissedBy[CaseDefinitionCheck.MissedAldOpen]);
    }

    [Fact]
    public void Compare_EndedCancer_IsAFalsePositiveOfItsRules()
    {
        TrueCondition[] truth = [new("a", "cancer", new DateOnly(2010, 1, 1), new DateOnly(2010, 2, 1), new DateOnly(2015, 2, 1), new DateOnly(2015, 1, 1))];
        DetectedCondition[] detected = [new("a", 2019, "cancer", ConditionEvidence.Hospital | ConditionEvidence.Drugs)];

        var r = Assert.Single(CaseDefinitionCheck.Compare(["cancer"], [2019], truth, s_noDeaths, detected));

        Assert.Equal(0, r.TrueCases);
        Assert.Equal(1, r.FalsePositivesBy[$"hospital+drugs ({CaseDefinitionCheck.FalseEnded})"]);
    }

    [Fact]
    public void Compare_ConditionDetectedAfterDeath_IsAFalsePositiveOfTheDead()
    {
        TrueCondition[] truth = [Diabetes("a", new DateOnly(2010, 1, 1), new DateOnly(2010, 3, 1))];
        var deaths = new Dictionary<string, DateOnly> { ["a"] = new DateOnly(2019, 5, 1) };
        DetectedCondition[] detected =
        [
            new("a", 2019, "diabetes", ConditionEvidence.Ald),
            new("a", 2020, "diabetes", ConditionEvidence.Ald),
        ];

        var results = CaseDefinitionCheck.Compare(["diabetes"], [2019, 2020], truth, deaths, detected);

        Assert.Equal(1, results[0].TruePositives);
        Assert.Equal(0, results[1].TrueCases);
        Assert.Equal(1, results[1].FalsePositivesBy[$"ald ({CaseDefinitionCheck.FalseDead})"]);
    }

    [Fact]
    public void Rules_JoinsTheFlags()
    {
        Assert.Equal("ald+hospital+drugs+acts", CaseDefinitionCheck.Rules(ConditionEvidence.Ald | ConditionEvidence.Hospital | ConditionEvidence.Drugs | ConditionEvidence.Acts));
        Assert.Equal("none", CaseDefinitionCheck.Rules(ConditionEvidence.None));
    }
}
