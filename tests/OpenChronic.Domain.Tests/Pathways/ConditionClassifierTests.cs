using System.Text;
using OpenChronic.Domain.Pathways;

namespace OpenChronic.Domain.Tests.Pathways;

public sealed class ConditionClassifierTests
{
    private static readonly CaseDefinition s_diabetes = CaseDefinitionCatalogue.Default.Conditions.Single(c => c.Id == "diabetes");
    private static readonly CaseDefinition s_heartFailure = CaseDefinitionCatalogue.Default.Conditions.Single(c => c.Id == "heart_failure");
    private static readonly CaseDefinition s_cancer = CaseDefinitionCatalogue.Default.Conditions.Single(c => c.Id == "cancer");

    private static ClinicalFact Drug(int y, int m, int d, string atc, bool large = false) =>
        new(ClinicalFactKind.Dispensation, new DateOnly(y, m, d), atc, LargePack: large);

    private static ClinicalFact Dx(int y, string icd, DiagnosisPosition p) =>
        new(ClinicalFactKind.Diagnosis, new DateOnly(y, 6, 1), icd, p);

    [Fact]
    public void Default_CoversTheNineGeneratedConditions() =>
        Assert.Equal(
            ["diabetes", "coronary", "heart_failure", "stroke", "respiratory", "kidney", "cancer", "psychiatric", "hypertension"],
            CaseDefinitionCatalogue.Default.Conditions.Select(c => c.Id));

    [Fact]
    public void Evaluate_ThreeA10DatesInYear_IsDiabetesByDrugs()
    {
        ClinicalFact[] facts = [Drug(2020, 1, 5, "A10BA02"), Drug(2020, 4, 5, "A10BA02"), Drug(2020, 8, 5, "A10BB09")];
        Assert.Equal(ConditionEvidence.Drugs, ConditionClassifier.Evaluate(s_diabetes, facts, 2020));
        Assert.Equal(ConditionEvidence.None, ConditionClassifier.Evaluate(s_diabetes, facts, 2021));
    }

    [Fact]
    public void Evaluate_TwoDatesOnTheSameDay_CountOnce()
    {
        ClinicalFact[] facts = [Drug(2020, 1, 5, "A10BA02"), Drug(2020, 1, 5, "A10BB09"), Drug(2020, 4, 5, "A10BA02")];
        Assert.Equal(ConditionEvidence.None, ConditionClassifier.Evaluate(s_diabetes, facts, 2020));
    }

    [Fact]
    public void Evaluate_TwoDatesWithALargePack_IsEnough()
    {
        ClinicalFact[] facts = [Drug(2020, 1, 5, "A10BA02", large: true), Drug(2020, 4, 5, "A10BA02")];
        Assert.Equal(ConditionEvidence.Drugs, ConditionClassifier.Evaluate(s_diabetes, facts, 2020));
    }

    [Fact]
    public void Evaluate_ManyDistinctDates_SpillsBeyondTheInlineSet()
    {
        var facts = Enumerable.Range(0, 200).Select(i => Drug(2020, 1, 1, "A10BA02") with { Date = new DateOnly(2020, 1, 1).AddDays(i) }).ToArray();
        Assert.Equal(ConditionEvidence.Drugs, ConditionClassifier.Evaluate(s_diabetes, facts, 2020));
    }

    [Fact]
    public void Evaluate_AldFiveForArrhythmia_IsNotHeartFailure()
    {
        ClinicalFact[] facts = [new(ClinicalFactKind.AldRegistration, new DateOnly(2018, 3, 1), "I48", AldNumber: 5)];
        Assert.Equal(ConditionEvidence.None, ConditionClassifier.Evaluate(s_heartFailure, facts, 2020));
        ClinicalFact[] hf = [new(ClinicalFactKind.AldRegistration, new DateOnly(2018, 3, 1), "I500", AldNumber: 5)];
        Assert.Equal(ConditionEvidence.Ald, ConditionClassifier.Evaluate(s_heartFailure, hf, 2020));
    }

    [Fact]
    public void Evaluate_AldEndedBeforeTheYear_DoesNotCount_AndTheNoEndDateConventionDoes()
    {
        ClinicalFact[] ended = [new(ClinicalFactKind.AldRegistration, new DateOnly(2015, 3, 1), "E11", End: new DateOnly(2019, 12, 31), AldNumber: 8)];
        Assert.Equal(ConditionEvidence.None, ConditionClassifier.Evaluate(s_diabetes, ended, 2020));
        ClinicalFact[] open = [new(ClinicalFactKind.AldRegistration, new DateOnly(2015, 3, 1), "E11", End: new DateOnly(1600, 1, 1), AldNumber: 8)];
        Assert.Equal(ConditionEvidence.Ald, ConditionClassifier.Evaluate(s_diabetes, open, 2020));
    }

    [Fact]
    public void Evaluate_HospitalDiagnosis_RespectsPositionAndLookback()
    {
        Assert.Equal(ConditionEvidence.Hospital, ConditionClassifier.Evaluate(s_heartFailure, [Dx(2016, "I509", DiagnosisPosition.Principal)], 2020));
        Assert.Equal(ConditionEvidence.None, ConditionClassifier.Evaluate(s_heartFailure, [Dx(2015, "I509", DiagnosisPosition.Principal)], 2020));
        Assert.Equal(ConditionEvidence.None, ConditionClassifier.Evaluate(s_heartFailure, [Dx(2020, "I509", DiagnosisPosition.Associated)], 2020));
        Assert.Equal(ConditionEvidence.None, ConditionClassifier.Evaluate(s_heartFailure, [Dx(2021, "I509", DiagnosisPosition.Principal)], 2020));
    }

    [Fact]
    public void Evaluate_ExcludedPrefix_DoesNotMatch()
    {
        Assert.Equal(ConditionEvidence.None, ConditionClassifier.Evaluate(s_cancer, [Dx(2020, "C787", DiagnosisPosition.Principal)], 2020));
        Assert.Equal(ConditionEvidence.Hospital, ConditionClassifier.Evaluate(s_cancer, [Dx(2020, "C509", DiagnosisPosition.Related)], 2020));
    }

    [Fact]
    public void Evaluate_CancerOnlyAsAssociatedDiagnosis_DoesNotMatch()
    {
        // A DAS-only tumour code is mostly history or surveillance, not active cancer (docs/case-definitions.md).
        Assert.Equal(ConditionEvidence.None, ConditionClassifier.Evaluate(s_cancer, [Dx(2020, "C509", DiagnosisPosition.Associated)], 2020));
    }

    [Fact]
    public void Classify_ReturnsEveryConditionWithItsEvidence()
    {
        ClinicalFact[] facts =
        [
            new(ClinicalFactKind.AldRegistration, new DateOnly(2019, 2, 1), "E119", AldNumber: 8),
            Drug(2020, 1, 5, "A10BA02"), Drug(2020, 3, 5, "A10BA02"), Drug(2020, 6, 5, "A10BA02"),
            Dx(2020, "I214", DiagnosisPosition.Principal),
        ];
        var found = new ConditionClassifier(CaseDefinitionCatalogue.Default).Classify(facts, 2020);
        Assert.Equal(
            [new ConditionYear("diabetes", 2020, ConditionEvidence.Ald | ConditionEvidence.Drugs), new ConditionYear("coronary", 2020, ConditionEvidence.Hospital)],
            found);
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("{}", "$.conditions must be an array")]
    [InlineData("""{"conditions":[{"label":"x"}]}""", "$.conditions[0].id")]
    [InlineData("""{"conditions":[{"id":"x","hospital":[{"icd":["I50"],"positions":["XX"]}]}]}""", "$.conditions[0].hospital[0].positions: unknown position 'XX'")]
    [InlineData("""{"conditions":[{"id":"x","drugs":{"atc":["A10"],"minDates":-1}}]}""", "$.conditions[0].drugs.minDates")]
    [InlineData("""{"conditions":[{"id":"x"},{"id":"x"}]}""", "defined twice")]
    public void Parse_BadCatalogue_SaysWhere(string json, string expected)
    {
        var e = Record.Exception(() => CaseDefinitionCatalogue.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json))));
        Assert.NotNull(e);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("e11.0 ", "E110")]
    [InlineData("I50+", "I50")]
    [InlineData("A10BA02", "A10BA02")]
    public void Normalize_StripsMarksAndCase(string raw, string expected) => Assert.Equal(expected, ClinicalCodes.Normalize(raw));
}
