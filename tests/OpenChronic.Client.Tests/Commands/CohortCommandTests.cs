using OpenChronic.Client.Commands;
using OpenChronic.Domain.Cohorts;
using OpenChronic.Domain.Releases;
using OpenChronic.Grains;
using OpenChronic.Ingestion.Releases;
using Spectre.Console;

namespace OpenChronic.Client.Tests.Commands;

public sealed class CohortCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("openchronic-cohort-cli-").FullName;
    private readonly StringWriter _output = new();
    private readonly IAnsiConsole _console;

    public CohortCommandTests() => _console = TestConsoles.Capture(_output);

    // A published release of 200 seeded members under the default policy, as the cohort grain would write it.
    private string Release()
    {
        var random = new Random(7);
        string[] departements = ["075", "059", "013", "069"];
        string[] codes = ["icd:E119", "icd:I10", "atc:A10BA02", "atc:C09AA05", "atc:C10AA05"];
        var members = Enumerable.Range(0, 200).Select(_ =>
        {
            Span<byte> key = stackalloc byte[16];
            random.NextBytes(key);
            var row = new CohortMember(40 + random.Next(50), (byte)(1 + random.Next(2)), departements[random.Next(4)], "001",
                new DateOnly(2020, 1, 1).AddDays(random.Next(366)), random.Next(3) == 0 ? "kidney" : "none", random.Next(3), false,
                [.. codes.Where(_ => random.Next(2) == 0)]);
            return new ReleaseMember(new Guid(key), (ulong)random.NextInt64(), row);
        }).ToList();
        var build = ReleaseBuilder.Build("diabetes", 1, members, ReleasePolicy.Default, [], CohortEvaluator.Default.RegionOf);
        var published = ReleaseWriter.Publish(_root, build.Content!, CohortLibrary.Text("diabetes")!, ReleasePolicy.Default,
            new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero), new ParquetReleaseTable());
        Assert.True(published.Accepted, published.Refusal);
        return published.Directory!;
    }

    [Fact]
    public void VerifyRelease_PublishedRelease_Passes()
    {
        Assert.Equal(0, VerifyReleaseCommand.Run(Release(), "default", _console));
        Assert.Contains("PASS", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyRelease_ParquetCopyReplaced_Fails()
    {
        var dir = Release();
        var parquet = Path.Combine(dir, ReleaseManifest.MicrodataParquet);
        new ParquetReleaseTable().Write(parquet, ["pseudonym"], [["00000000000000000000000000000000"]]);
        Assert.Equal(1, VerifyReleaseCommand.Run(dir, "default", _console));
        Assert.Contains("does not match its SHA-256", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("does not hold the same table", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyRelease_NoFolder_IsBadUsage() =>
        Assert.Equal(2, VerifyReleaseCommand.Run(Path.Combine(_root, "nowhere"), "default", _console));

    [Fact]
    public void ListAndShow_RecordedCohort_PrintTheAttritionAndReleases()
    {
        Release();
        CohortRecords.Write(_root, new CohortRecord("diabetes", "Diabetes", CohortLibrary.Text("diabetes")!, "/db", 1000,
            [new AttritionStepWire("index date", 250, 750), new AttritionStepWire("aged 18 or more", 200, 50)]));

        Assert.Equal(0, CohortCommand.List(_root, _console));
        Assert.Equal(0, CohortCommand.Show("diabetes", _root, _console));
        Assert.Equal(1, CohortCommand.Show("unknown", _root, _console));
        var text = _output.ToString();
        Assert.Contains("aged 18 or more", text, StringComparison.Ordinal);
        Assert.Single(CohortRecords.Releases(_root, "diabetes"));
        Assert.Contains("no cohort 'unknown'", text, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _output.Dispose();
        Directory.Delete(_root, recursive: true);
    }
}
