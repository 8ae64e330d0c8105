using System.Text.Json;
using OpenChronic.Client.Commands;
using OpenChronic.Client.Tests.Grid;
using OpenChronic.Domain.Releases;
using OpenChronic.Domain.Releases.EventLevel;
using OpenChronic.Ingestion.Database;
using Spectre.Console;

namespace OpenChronic.Client.Tests.Commands;

[Collection(BuiltDatabaseCollection.Name)]
public sealed class ReleaseDbCommandTests(BuiltDatabaseFixture built) : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "oc-releasedb-" + Guid.NewGuid().ToString("N"));
    private readonly StringWriter _output = new();
    private readonly string _policy = Path.Combine(Path.GetTempPath(), "oc-releasedb-policy-" + Guid.NewGuid().ToString("N") + ".json");

    private IAnsiConsole Console => TestConsoles.Capture(_output);

    public void Dispose()
    {
        File.Delete(_policy);
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }

    [Fact]
    public void Run_Database_ReleasesVerifiedFilesWithoutIdentifiers()
    {
        // the fixture database is too small for the calibrated default (k = 12); a fixed policy file is applied as given
        File.WriteAllText(_policy, """{ "k": 5, "maxSuppressedPersons": 0.2, "maxSuppressedEvents": 0.95 }""");
        var exit = ReleaseDbCommand.Run(built.Database, "all", _policy, _out, "test-secret", Console);

        Assert.True(exit == 0, _output.ToString());
        Assert.Equal(0, VerifyReleaseCommand.Run(_out, "default", Console));
        var keys = DatabaseReader.Open(built.Database).ReadPatients().Select(p => p.Id.ToString("N")).ToHashSet();
        keys.Add("test-secret");
        Assert.Empty(IdentifierScan.Scan(_out, keys));
        var manifest = JsonSerializer.Deserialize<EventReleaseManifest>(File.ReadAllText(Path.Combine(_out, ReleaseManifest.FileName)), ReleasePolicy.JsonOptions)!;
        Assert.True(manifest.Achieved.KmSupport >= manifest.Policy.K);
        Assert.Contains(manifest.MeasuredRisks, r => r.Name == "m_event_attack_max" && r.Value <= 1.0 / manifest.Policy.K);
        Assert.Null(manifest.Calibration);
        Assert.InRange(manifest.Loss, 0, 1);
        Assert.Contains(manifest.Utility, u => u.Name == "treatment_classes_tvd");
        Assert.Contains("auc_loss", File.ReadAllText(Path.Combine(_out, "utility.md")), StringComparison.Ordinal);
        Assert.Contains("What the protection did per code system", File.ReadAllText(Path.Combine(_out, "utility.md")), StringComparison.Ordinal);
        Assert.Equal(manifest.SuppressedEvents, manifest.Systems!.Value.Sum(s => s.Suppressed));
        Assert.Contains(manifest.Files, f => f.Path == "territories.csv");
    }

    [Fact]
    public void Run_DpTableGate_PublishesEveryDepartementAccountsEpsilonAndVerifies()
    {
        File.WriteAllText(_policy, """{ "k": 5, "maxSuppressedPersons": 0.2, "maxSuppressedEvents": 0.95, "tableGate": "dp", "tableEpsilon": 0.5 }""");
        var exit = ReleaseDbCommand.Run(built.Database, "all", _policy, _out, "test-secret", Console);

        Assert.True(exit == 0, _output.ToString());
        Assert.Equal(0, VerifyReleaseCommand.Run(_out, "default", Console));
        var manifest = JsonSerializer.Deserialize<EventReleaseManifest>(File.ReadAllText(Path.Combine(_out, ReleaseManifest.FileName)), ReleasePolicy.JsonOptions)!;
        var rows = File.ReadAllLines(Path.Combine(_out, "territories.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.All(rows, r => Assert.NotEqual("", r[3]));
        var tables = rows.Select(r => r[1]).Distinct().ToList();
        Assert.Equal(["stay", "biology", "act", "drug", "followup", "continuity_coc"], tables);
        Assert.Equal(tables.Count * 0.5, manifest.Utility.Single(u => u.Name == EventReleaseVerifier.TablesEpsilon).Value, 9);
        Assert.Contains(manifest.Utility, u => u.Name == "territory_table_followup_gp7_published");
    }

    [Fact]
    public void Run_TamperedRelease_FailsVerification()
    {
        File.WriteAllText(_policy, """{ "k": 5, "maxSuppressedPersons": 0.2, "maxSuppressedEvents": 0.95 }""");
        Assert.Equal(0, ReleaseDbCommand.Run(built.Database, "all", _policy, _out, null, Console));
        File.AppendAllText(Path.Combine(_out, EventReleaseRows.EventsCsv), "x,dispensation,atc:Z99,q0\n");

        Assert.Equal(1, VerifyReleaseCommand.Run(_out, "default", Console));
    }

    [Fact]
    public void Run_ImpossiblePolicy_IsRefusedAndWritesNothing()
    {
        var policy = Path.Combine(Path.GetTempPath(), "oc-policy-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(policy, """{ "k": 100000, "maxSuppressedPersons": 0 }""");
        try
        {
            Assert.Equal(1, ReleaseDbCommand.Run(built.Database, "all", policy, _out, null, Console));
            Assert.False(Directory.Exists(_out));
        }
        finally
        {
            File.Delete(policy);
        }
    }
}
