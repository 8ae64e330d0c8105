using OpenChronic.Domain.Cohorts;
using OpenChronic.Domain.Pathways;

namespace OpenChronic.Domain.Tests.Cohorts;

public sealed class CohortEvaluatorTests
{
    private static readonly DateOnly s_jan = new(2020, 1, 1);
    private static readonly PathwayDeriver s_deriver = new(CaseDefinitionCatalogue.Default);

    private const string Diabetes = """
        {
          "name": "t2d",
          "period": { "from": "2020-01-01", "to": "2020-12-31" },
          "index": { "rule": "firstQualifyingEvent" },
          "criteria": [
            { "name": "diabetes in 2020", "condition": "diabetes", "years": [2020] },
            { "name": "aged 18 or more", "age": { "min": 18 } },
            { "name": "type 1 diabetes", "exclude": true, "icd10": ["E10"] },
            { "name": "lives in Ile-de-France or Nord", "departements": ["059"], "regions": ["11"] },
            { "name": "alive at index", "alive": true }
          ]
        }
        """;

    private static CareEvent Ald(int day, int number, string icd) =>
        new(s_jan.DayNumber + day, DateOnly.MaxValue.DayNumber, CareEventKind.AldRegistration, CareEventTraits.None, 0, PackedCode.Pack(icd), 0, number);

    private static CareEvent Dispense(int day, string atc) =>
        new(s_jan.DayNumber + day, s_jan.DayNumber + day, CareEventKind.Dispensation, CareEventTraits.None, 0, PackedCode.Pack(atc), 3400930000001, 1);

    private static CareEvent Diagnosis(int day, string icd) =>
        new(s_jan.DayNumber + day, s_jan.DayNumber + day, CareEventKind.Diagnosis, CareEventTraits.Principal, 0, PackedCode.Pack(icd), 1, 0);

    private static CohortPerson Person(int birthYear, string departement = "075", int? deathDay = null) =>
        new(2, birthYear, 6, departement, "101", deathDay);

    private static CohortEvaluation Evaluate(CohortDefinition definition, CohortPerson? person, params CareEvent[] events)
    {
        var timeline = new PatientTimeline();
        timeline.Add(events);
        var pathway = s_deriver.Derive(timeline.Events, definition.Years);
        return CohortEvaluator.Default.Evaluate(definition, timeline.Events, pathway, person);
    }

    private static CohortDefinition Parse(string json) => CohortDefinitionParser.Parse(json).Definition!;

    [Fact]
    public void Evaluate_HandMadePatients_GiveTheAttritionTable()
    {
        var definition = Parse(Diabetes);
        CohortEvaluation[] results =
        [
            Evaluate(definition, Person(1950), Ald(40, 8, "E119"), Dispense(50, "A10BA02")),   // member, index day 40
            Evaluate(definition, Person(1960), Dispense(10, "A10BA02"), Dispense(60, "A10BA02"), Dispense(120, "A10BA02")),   // member, index day 10
            Evaluate(definition, Person(1970), Dispense(10, "C09AA05")),                       // no qualifying event
            Evaluate(definition, Person(2010), Ald(0, 8, "E109")),                             // a child
            Evaluate(definition, Person(1980), Ald(5, 8, "E109"), Diagnosis(30, "E109")),      // type 1
            Evaluate(definition, Person(1980, "013"), Ald(5, 8, "E119")),                      // Bouches-du-Rhone
            Evaluate(definition, Person(1980, "059", s_jan.DayNumber + 2), Ald(5, 8, "E119")), // died before index
            Evaluate(definition, null, Ald(5, 8, "E119")),                                     // no profile
            Evaluate(definition, Person(1940, "059"), Ald(-400, 8, "E119")),                   // registered in 2018: index 1 Jan 2020
        ];

        var failed = new long[definition.StepNames.Length];
        foreach (var r in results.Where(r => !r.IsMember))
        {
            failed[r.FailedStep]++;
        }

        var table = AttritionTable.From(definition.StepNames, results.Length, failed);
        Assert.Equal([7, 7, 6, 5, 4, 3], table.Steps.Select(s => s.Remaining));
        Assert.Equal(3, table.Members);
        Assert.Equal([s_jan.AddDays(40), s_jan.AddDays(10), s_jan], results.Where(r => r.IsMember).Select(r => r.Member!.IndexDate));
        Assert.Equal(69, results[0].Member!.Age);
        Assert.Equal(["atc:A10BA02"], results[0].Member!.Codes);
    }

    [Fact]
    public void Evaluate_YearStartRule_UsesAgeAtFirstJanuary()
    {
        var definition = Parse("""
            { "name": "c", "period": { "from": "2019-01-01", "to": "2020-12-31" }, "index": { "rule": "yearStart", "year": 2020 },
              "criteria": [ { "name": "coronary 2019", "condition": "coronary", "years": [2019] }, { "name": "under 70", "age": { "max": 69 } } ] }
            """);
        var member = Evaluate(definition, Person(1950), Ald(-200, 13, "I251"), Diagnosis(30, "I21"));
        var old = Evaluate(definition, Person(1949), Ald(-200, 13, "I251"));

        Assert.True(member.IsMember);
        Assert.Equal(69, member.Member!.Age);
        Assert.Equal(["icd:I21"], member.Member.Codes);
        Assert.Equal(2, old.FailedStep);
    }

    [Fact]
    public void Evaluate_FirstAldRule_NeedsTheRegistration()
    {
        var definition = Parse("""
            { "name": "hf", "period": { "from": "2020-01-01", "to": "2020-12-31" }, "index": { "rule": "firstAld", "ald": [5] },
              "criteria": [ { "name": "heart failure", "condition": "heart_failure" } ] }
            """);
        Assert.Equal(s_jan.AddDays(20), Evaluate(definition, Person(1950), Ald(20, 5, "I500")).Member!.IndexDate);
        Assert.Equal(0, Evaluate(definition, Person(1950), Diagnosis(20, "I500")).FailedStep);
        Assert.Equal(1, Evaluate(definition, Person(1950), Ald(20, 5, "I48")).FailedStep);
    }

    [Theory]
    [InlineData("""{ "name": "x", "period": { "from": "2020-01-01", "to": "2020-12-31" }, "index": { "rule": "yearStart" }, "criteria": [ { "condition": "gout" } ] }""", "$.criteria[0].condition")]
    [InlineData("""{ "name": "x", "period": { "from": "2020-01-01", "to": "2019-12-31" }, "index": { "rule": "yearStart" } }""", "$.period")]
    [InlineData("""{ "name": "x", "period": { "from": "2020-01-01", "to": "2020-12-31" }, "index": { "rule": "firstQualifyingEvent" }, "criteria": [ { "age": { "min": 3 } } ] }""", "$.index.rule")]
    [InlineData("""{ "name": "x", "period": { "from": "2020-01-01", "to": "2020-12-31" }, "index": { "rule": "yearStart" }, "criteria": [ { "sex": 1, "age": { "min": 3 } } ] }""", "$.criteria[0]")]
    [InlineData("""{ "name": "x y", "period": { "from": "2020-01-01", "to": "2020-12-31" }, "index": { "rule": "yearStart" } }""", "$.name")]
    [InlineData("""{ "name": """, "not valid JSON")]
    public void Parse_BadDefinition_NamesTheElement(string json, string where)
    {
        var result = CohortDefinitionParser.Parse(json);
        Assert.False(result.Success);
        Assert.Contains(where, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Library_ExampleDefinitions_Parse()
    {
        Assert.Equal(["coronary", "diabetes", "heart_failure"], CohortLibrary.Names);
        foreach (var name in CohortLibrary.Names)
        {
            var result = CohortDefinitionParser.Parse(CohortLibrary.Text(name)!);
            Assert.True(result.Success, result.Error);
            Assert.Equal(name, result.Definition!.Name);
        }
    }
}
