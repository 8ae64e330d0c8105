using DuckDB.NET.Data;
using OpenChronic.Analytics.Coordination;
using OpenChronic.Domain.Pathways;
using OpenChronic.Domain.Snds;
using OpenChronic.Ingestion.Build;
using OpenChronic.Ingestion.Tables;
using OpenChronic.Ingestion.Validation;
using OpenChronic.Synthetic;

namespace OpenChronic.Client.Tests.Commands;

/// <summary>
/// UPC against the declared médecin traitant, read by the build from PRS_MTT_NUM, against the continuity the generator
/// planted, on a generated extract (8,000 persons, 2019–2021, seed 11) read by the ingestion unit readers without the
/// grid; indices over the three years pooled (<see cref="ContinuityTruthCheck"/>, as <c>coordination --truth</c> does
/// on a built database).
/// </summary>
public sealed class ContinuityPlantedTests : IDisposable
{
    private const int Persons = 8_000;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "oc-continuity-" + Guid.NewGuid().ToString("N"));

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
    public void UpcDeclaredGp_PooledYears_NearItsCeiling_AndMeetsTheTargetWithEnoughVisits()
    {
        SyntheticGenerator.Generate(new SynthOptions(Persons, 2019, 2021, 11, SndsFileFormat.Parquet, _directory), cancellationToken: TestContext.Current.CancellationToken);
        var persons = Collect();

        var literature = ContinuityTruthCheck.Evaluate(persons, ContinuityTruthCheck.DefaultMinVisits);
        var row = $"≥ {literature.MinVisits} visits: {literature.Persons} persons, r(c) {literature.UpcDeclaredVsPlanted:F3}, r(e) {literature.UpcDeclaredVsExpected:F3}, ceiling {literature.Ceiling:F3}, bias {literature.MeanBias:F4}";
        Assert.True(literature.Persons >= 2000, row);
        Assert.InRange(literature.MeanBias, -0.02, 0.02);
        Assert.True(literature.UpcDeclaredVsExpected >= 0.9 * literature.Ceiling, row);

        var many = ContinuityTruthCheck.Evaluate(persons, 20);
        var manyRow = $"≥ 20 visits: {many.Persons} persons, r(c) {many.UpcDeclaredVsPlanted:F3}, ceiling {many.Ceiling:F3}";
        TestContext.Current.TestOutputHelper?.WriteLine(row);
        TestContext.Current.TestOutputHelper?.WriteLine(manyRow);
        Assert.True(many.Persons >= 300, manyRow);
        Assert.True(many.UpcDeclaredVsPlanted >= ContinuityTruthCheck.Target, manyRow);
    }

    private List<ContinuityTruthPerson> Collect()
    {
        var units = WorkUnitPlanner.Plan(ExtractInventory.Discover(_directory, SndsCatalogue.Default));
        var people = PersonDirectory.Load(units.Single(u => u.Kind == WorkUnitKind.Beneficiaries).Files);
        var reader = new UnitReader(people);
        var events = new List<CareEvent>[people.Count];
        var declared = new (int Day, ulong Gp)[people.Count];
        var gps = new HashSet<ulong>();
        foreach (var unit in units.Where(u => u.Kind == WorkUnitKind.Dcir))
        {
            foreach (var p in reader.Read(unit, TestContext.Current.CancellationToken).Persons)
            {
                (events[p.Person] ??= []).AddRange(p.Events);
                if (p.DeclaredGp != 0 && p.DeclaredDay >= declared[p.Person].Day)
                {
                    declared[p.Person] = (p.DeclaredDay, p.DeclaredGp);
                }

                foreach (var e in p.Events)
                {
                    if (PatientContinuity.IsPhysicianVisit(e) && HospitalEpisodeBuilder.IsGeneralPractitioner(e.Specialty))
                    {
                        gps.Add(e.Detail);
                    }
                }
            }
        }

        // G: the GPs of a département, grouped by the first three characters of their number (département, category).
        var perGroup = gps.Select(PackedCode.Unpack).GroupBy(g => g[..3], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var result = new List<ContinuityTruthPerson>();
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT BEN_IDT_ANO, CAST(continuity AS DOUBLE), declared_gp FROM read_parquet('{Path.Combine(_directory, "truth", "persons.parquet")}') WHERE continuity IS NOT NULL";
        using var r = command.ExecuteReader();
        while (r.Read())
        {
            if (!people.TryResolveIdt(System.Text.Encoding.ASCII.GetBytes(r.GetString(0)), out var person) || events[person] is not { } list)
            {
                continue;
            }

            var timeline = list.ToArray();
            Array.Sort(timeline);
            var gp = PatientContinuity.Compute(timeline, new DateOnly(2019, 1, 1), new DateOnly(2021, 12, 31), declared[person].Gp).GeneralPractice;
            if (gp.Visits > 0)
            {
                var c = r.GetDouble(1);
                result.Add(new ContinuityTruthPerson(c, c + ((1 - c) / Math.Max(1, perGroup.GetValueOrDefault(r.GetString(2)[..3]))), gp));
            }
        }

        return result;
    }
}
