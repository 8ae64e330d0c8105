using System.Globalization;
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
/// Every planted outlier of a generated extract (100,000 persons, seed 7, 2019–2021 pooled) found by the same evaluator, analysis and
/// flags the grid runs, without the grid: every person's events read by the ingestion unit reader, pathways derived,
/// each planted (indicator, level) counted per unit and year, the years summed per unit, then checked as
/// <c>check-variability --pool-years</c> does: recall of the planted units beyond the overdispersion-adjusted 99.8 %
/// limits, share of the other compared units flagged there, and the planted readmission effects recovered.
/// </summary>
public sealed class VariabilityPlantedTests : IDisposable
{
    private const int Persons = 100_000;
    private const ulong Seed = 7;
    private static readonly int[] s_years = [2019, 2020, 2021];
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
    public void PlantedOutliers_PooledYears_AreFlaggedAndRecovered()
    {
        SyntheticGenerator.Generate(new SynthOptions(Persons, s_years[0], s_years[^1], Seed, SndsFileFormat.Parquet, _directory),
            cancellationToken: TestContext.Current.CancellationToken);
        var world = new SynthWorld(Seed, Persons);
        var establishmentDepartement = world.Establishments.ToDictionary(e => e.EtaNum, e => world.Territories[e.Territory].Code, StringComparer.Ordinal);
        var readmission = world.Territories.ToDictionary(t => t.Code, t => t.Readmission, StringComparer.Ordinal);
        var planted = world.Outliers.Select(o => new Analytics.Variability.PlantedOutlier(o.Level, o.Id, o.Indicator, o.Planted, o.Baseline,
            o.Level == "establishment" ? readmission[establishmentDepartement[o.Id]] : 1)).ToList();
        var pairs = planted.Select(p => (p.Indicator, p.Level)).Distinct().Order().ToList();
        var tallies = Count(pairs);

        var results = new List<OutlierCheckResult>();
        for (var i = 0; i < pairs.Count; i++)
        {
            var (indicator, level) = pairs[i];
            var report = VariabilityAnalysis.Analyse(tallies[i].Cells, 11);
            var r = OutlierCheckResult.Check(indicator, level, 0, report, [.. planted.Where(p => p.Indicator == indicator && p.Level == level)],
                OutlierCheckResult.ExcusedUnits(planted, establishmentDepartement, indicator, level));
            results.Add(r);
            foreach (var p in r.Planted)
            {
                TestContext.Current.SendDiagnosticMessage(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Indicator} by {r.Level}: {p.Id} O/E {p.Ratio:F2} {p.Flag}, effect {p.Effect:F2} [{p.EffectLow:F2}, {p.EffectHigh:F2}] planted {p.PlantedEffect:F2}; " +
                    $"n {report.TotalDenominator}, crude rate {report.CrudeRate:F4}, reference units' rate {report.CrudeRate * p.Ratio / p.Effect:F4}; " +
                    $"{r.FalsePositives}/{r.NonPlanted} false positives, {r.Excused} excused"));
            }
        }

        int detected = results.Sum(r => r.Detected), total = results.Sum(r => r.Planted.Length);
        int falsePositives = results.Sum(r => r.FalsePositives), nonPlanted = results.Sum(r => r.NonPlanted);
        Assert.Equal(5, total);
        Assert.True(nonPlanted >= 150, $"{nonPlanted} units compared");
        Assert.True(detected >= 0.9 * total, $"recall {detected}/{total}");
        Assert.True(falsePositives <= 0.1 * nonPlanted, $"{falsePositives} false positives of {nonPlanted}");

        // The readmission mechanism plants the probability the indicator measures: the effect against the reference units is the planted one.
        Assert.All(results.Where(r => r.Indicator == "readmission_30d_after_hf").SelectMany(r => r.Planted),
            p => Assert.True(p.Recovered, string.Create(CultureInfo.InvariantCulture, $"{p.Id}: effect {p.Effect:F2} [{p.EffectLow:F2}, {p.EffectHigh:F2}], planted {p.PlantedEffect:F2}")));
    }

    // Per (indicator, level): the counts of every year summed per unit and stratum (persons become person-years).
    private IndicatorTally[] Count(List<(string Indicator, string Level)> pairs)
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
        var evaluators = pairs.Select(p => (Evaluator: new IndicatorEvaluator(IndicatorCatalogue.Default.Find(p.Indicator)!),
            Level: IndicatorCatalogue.TryParseLevel(p.Level, out var l) ? l : throw new InvalidOperationException(p.Level))).ToArray();
        var end = new DateOnly(s_years[^1], 12, 31).DayNumber;
        var tallies = pairs.Select(_ => new IndicatorTally()).ToArray();
        for (var person = 0; person < people.Count; person++)
        {
            var info = people[person];
            var timeline = new PatientTimeline();
            timeline.Add(events[person] is { } list ? [.. list] : []);
            if (info.DeathDay is { } death)
            {
                timeline.Add([new CareEvent(death, death, CareEventKind.Death, CareEventTraits.None, 0, 0, 0, 0)]);
            }

            var pathway = deriver.Derive(timeline.Events, s_years);
            var demographics = new PatientDemographics(info.Sex, info.BirthYear, info.Departement, info.DeathDay);
            for (var i = 0; i < evaluators.Length; i++)
            {
                foreach (var year in s_years)
                {
                    tallies[i].AddPatient(evaluators[i].Evaluator.Evaluate(timeline.Events, pathway, demographics, year, evaluators[i].Level, end));
                }
            }
        }

        return tallies;
    }
}
