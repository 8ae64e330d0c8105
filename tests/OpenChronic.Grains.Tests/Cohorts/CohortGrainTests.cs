using System.Globalization;
using OpenChronic.Domain.Pathways;
using OpenChronic.Domain.Releases;
using OpenChronic.Ingestion.Releases;

namespace OpenChronic.Grains.Tests.Cohorts;

[Collection(ClusterCollection.Name)]
public sealed class CohortGrainTests(ClusterFixture fixture) : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("openchronic-cohort-grain-").FullName;

    private static readonly DateOnly s_jan = new(2020, 1, 1);
    private static readonly string[] s_departements = ["075", "092", "059", "013"];

    // A cohort of the patients dispensed a drug no other test uses, so that the shared cluster's other patients never qualify.
    private static string Definition(string name, string atc) => $$"""
        {
          "name": "{{name}}",
          "period": { "from": "2020-01-01", "to": "2020-12-31" },
          "index": { "rule": "firstQualifyingEvent" },
          "criteria": [
            { "name": "dispensed {{atc}}", "atc": ["{{atc}}"] },
            { "name": "aged 18 or more", "age": { "min": 18 } }
          ]
        }
        """;

    private async Task<List<Guid>> PatientsAsync(int count, string atc, int seed, bool children = false)
    {
        var random = new Random(seed);
        var keys = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var key = Guid.NewGuid();
            var day = s_jan.DayNumber + random.Next(360);
            CareEvent[] events =
            [
                new(day, day, CareEventKind.Dispensation, CareEventTraits.None, 0, PackedCode.Pack(atc), 3400930000001, 1),
                new(day + 3, day + 3, CareEventKind.Dispensation, CareEventTraits.None, 0, PackedCode.Pack("C09AA05"), 3400930000002, 1),
            ];
            var profile = new PatientProfile((byte)(1 + random.Next(2)), (short)(children ? 2012 : 1930 + random.Next(60)), (byte)(1 + random.Next(12)),
                s_departements[random.Next(s_departements.Length)], random.Next(1, 4).ToString("D3", CultureInfo.InvariantCulture), null);
            await fixture.Grains.GetGrain<IPatientGrain>(key).ApplyUnitAsync(new UnitEvents("DCIR:2020", EventPack.Pack(events), profile));
            keys.Add(key);
        }

        return keys;
    }

    [Fact]
    public async Task Define_HandMadePatients_CountsTheAttritionOverThePartitions()
    {
        await PatientsAsync(20, "V03AB15", 1);
        await PatientsAsync(5, "V03AB15", 2, children: true);
        await PatientsAsync(5, "V03AB16", 3);

        var reply = await fixture.Grains.GetGrain<ICohortGrain>("attrition").DefineAsync(Definition("attrition", "V03AB15"));

        var steps = reply.Cohort!.Attrition;
        Assert.Equal([25L, 25L, 20L], steps.Select(s => s.Remaining));
        Assert.Equal(5, steps[2].Removed);
        Assert.Equal(reply.Cohort.Persons - 25, steps[0].Removed);
        Assert.Contains("attrition", await fixture.Grains.GetGrain<ICohortRegistryGrain>(0).ListAsync());
    }

    [Fact]
    public async Task Release_PassesTheVerifier_AndNoGrainKeyLeavesTheGrid()
    {
        var keys = await PatientsAsync(60, "V03AB17", 4);
        var cohort = fixture.Grains.GetGrain<ICohortGrain>("released");
        Assert.NotNull((await cohort.DefineAsync(Definition("released", "V03AB17"))).Cohort);
        var root = _root;
        var policy = ReleasePolicy.Default with { Name = "test", K = 3, LDiversity = null };
        var json = System.Text.Json.JsonSerializer.Serialize(policy, ReleasePolicy.JsonOptions);

        var first = await cohort.ReleaseAsync(new ReleaseRequest(json, root));
        var second = await cohort.ReleaseAsync(new ReleaseRequest(json, root));

        Assert.True(first.Release is not null, first.Refusal);
        Assert.Equal(2, second.Release!.Number);
        var verification = ReleaseVerifier.Verify(first.Release.Directory, policy, new ParquetReleaseTable());
        Assert.True(verification.Passed, string.Join("\n", verification.Problems));
        Assert.Equal(60, first.Release.Published + first.Release.Suppressed);
        Assert.True(File.Exists(Path.Combine(first.Release.Directory, ReleaseManifest.MicrodataParquet)));
        var text = string.Concat(Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(f => File.ReadAllText(f)));
        foreach (var key in keys)
        {
            Assert.DoesNotContain(key.ToString("N"), text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(key.ToString("D"), text, StringComparison.OrdinalIgnoreCase);
        }

        // pseudonyms are keyed per release: the two releases' rows cannot be joined
        var firstIds = File.ReadLines(Path.Combine(first.Release.Directory, ReleaseManifest.MicrodataCsv)).Skip(1).Select(l => l.Split(';')[0]);
        var secondIds = File.ReadLines(Path.Combine(second.Release.Directory, ReleaseManifest.MicrodataCsv)).Skip(1).Select(l => l.Split(';')[0]);
        Assert.Empty(firstIds.Intersect(secondIds));
    }

    [Fact]
    public async Task Release_PolicyThatCannotBeMet_IsRefusedAndNotRecorded()
    {
        await PatientsAsync(30, "V03AB18", 5);
        var cohort = fixture.Grains.GetGrain<ICohortGrain>("refused");
        await cohort.DefineAsync(Definition("refused", "V03AB18"));
        var root = _root;
        var policy = System.Text.Json.JsonSerializer.Serialize(ReleasePolicy.Default with { K = 1000 }, ReleasePolicy.JsonOptions);

        var reply = await cohort.ReleaseAsync(new ReleaseRequest(policy, root));

        Assert.Null(reply.Release);
        Assert.Contains("k (1000)", reply.Refusal, StringComparison.Ordinal);
        Assert.Empty((await cohort.GetInfoAsync())!.Releases);
        Assert.Empty(Directory.GetFiles(root, "*", SearchOption.AllDirectories));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
