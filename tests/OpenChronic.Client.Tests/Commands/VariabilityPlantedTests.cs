using OpenChronic.Analytics.Variability;
using OpenChronic.Analytics.Variability.Indicators;
using OpenChronic.Domain.Pathways;
using OpenChronic.Domain.Snds;
using OpenChronic.Ingestion.Build;
using OpenChronic.Ingestion.Tables;
using OpenChronic.Ingestion.Validation;
using OpenChronic.Synthetic;
using OpenChronic.Synthetic.Model;

namespace OpenChronic.Client.Tests.Commands;

/// <summary>
/// The planted HbA1c outlier département of a generated extract (15,000 persons, 2019–2021, seed 7) found by the
/// same evaluator, analysis and flags the grid runs, without the grid: every person's events read by the ingestion
/// unit reader, pathways derived, the indicator counted by département. The heart-failure outliers need a larger
/// extract (too few discharges per département here): <c>check-variability</c> measures them, see docs/variability.md.
/// </summary>
public sealed class VariabilityPlantedTests : IDisposable
{
    private const int Persons = 15_000;
    private const ulong Seed = 7;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "oc-variability-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still mapped by the native Parquet reader; the system cleans its temp folder.
        }
    }

    [Fact]
    public void Hba1cOutlierDepartement_IsFlaggedEveryYear_AndFewOtherDepartementsAre()
    {
        SyntheticGenerator.Generate(new SynthOptions(Persons, 2019, 2021, Seed, SndsFileFormat.Parquet, _directory), cancellationToken: TestContext.Current.CancellationToken);
        var planted = new SynthWorld(Seed, Persons).Outliers.Single(o => o.Indicator == "hba1c_monitoring_rate");
        int[] years = [2019, 2020, 2021];
        var tallies = Count("hba1c_monitoring_rate", years);

        var results = years.Select((y, i) => OutlierCheckResult.Check("hba1c_monitoring_rate", "departement", y, VariabilityAnalysis.Analyse(tallies[i].Cells, 11),
            [new Analytics.Variability.PlantedOutlier(planted.Level, planted.Id, planted.Indicator, planted.Planted, planted.Baseline)], new HashSet<string>())).ToList();
        Assert.All(results, r => Assert.True(r.Planted[0].Detected, $"{r.Year}: {planted.Id} O/E {r.Planted[0].Ratio:F2} {r.Planted[0].Flag}"));
        var falsePositives = results.Sum(r => r.FalsePositives);
        var nonPlanted = results.Sum(r => r.NonPlanted);
        Assert.True(nonPlanted >= 3 * 20, $"{nonPlanted} département-years compared");
        Assert.True(falsePositives <= 0.1 * nonPlanted, $"{falsePositives} false positives of {nonPlanted}");
    }

    private IndicatorTally[] Count(string indicatorId, int[] years)
    {
        var units = WorkUnitPlanner.Plan(ExtractInventory.Discover(_directory, SndsCatalogue.Default));
        var people = PersonDirectory.Load(units.Single(u => u.Kind == WorkUnitKind.Beneficiaries).Files);
        var reader = new UnitReader(people);
        var events = new List<CareEvent>[people.Count];
        foreach (var unit in units.Where(u => u.Kind != WorkUnitKind.Beneficiaries))
        {
            foreach (var p in reader.Read(unit, TestContext.Current.CancellationToken).Persons)
            {
                (events[p.Person] ??= []).AddRange(p.Events);
            }
        }

        var deriver = new PathwayDeriver(CaseDefinitionCatalogue.Default);
        var evaluator = new IndicatorEvaluator(IndicatorCatalogue.Default.Find(indicatorId)!);
        var end = new DateOnly(years[^1], 12, 31).DayNumber;
        var tallies = years.Select(_ => new IndicatorTally()).ToArray();
        for (var person = 0; person < people.Count; person++)
        {
            var info = people[person];
            var timeline = new PatientTimeline();
            timeline.Add(events[person] is { } list ? [.. list] : []);
            if (info.DeathDay is { } death)
            {
                timeline.Add([new CareEvent(death, death, CareEventKind.Death, CareEventTraits.None, 0, 0, 0, 0)]);
            }

            var pathway = deriver.Derive(timeline.Events, years);
            var demographics = new PatientDemographics(info.Sex, info.BirthYear, info.Departement, info.DeathDay);
            for (var i = 0; i < years.Length; i++)
            {
                tallies[i].AddPatient(evaluator.Evaluate(timeline.Events, pathway, demographics, years[i], UnitLevel.Departement, end));
            }
        }

        return tallies;
    }
}
