using OpenChronic.Client.Commands;
using Spectre.Console;

namespace OpenChronic.Client.Tests.Commands;

public sealed class BenchReferenceRunTests : IDisposable
{
    private readonly CommandScratch _scratch = new("openchronic-bench-reference-");

    private string Root => _scratch.Root;

    private IAnsiConsole Screen => _scratch.Console;

    public void Dispose() => _scratch.Dispose();

    // A 300-person extract of 2020 and an empty work folder.
    private (string Extract, string Work) Prepare(ulong seed)
    {
        var extract = Path.Combine(Root, "extract");
        Assert.Equal(0, SynthCommand.Run(300, "2020", seed, "parquet", extract, 0.0, false, Screen, TestContext.Current.CancellationToken));
        var work = Path.Combine(Root, "work");
        Directory.CreateDirectory(work);
        return (extract, work);
    }

    [Fact]
    public async Task Run_WithoutIncremental_ThreeScenarios_SameAnswersOnBothEngines_DuckDbCapped()
    {
        var (extract, work) = Prepare(5);

        var scenarios = await new BenchReferenceRun(work, [2020], "k", Screen, incremental: false, duckMemory: "1GB")
            .RunAsync(extract, TestContext.Current.CancellationToken);

        Assert.Equal(3, scenarios.Count);
        Assert.StartsWith("full build", scenarios[0].Name, StringComparison.Ordinal);
        Assert.DoesNotContain(scenarios, s => s.Name.StartsWith("incremental", StringComparison.Ordinal));
        Assert.Contains("same sums on both engines", scenarios[1].Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("DIFFER", scenarios[2].Detail, StringComparison.Ordinal);
        Assert.All(scenarios, s => Assert.True(s.GridSeconds > 0 && s.DuckSeconds > 0));

        // The cap made DuckDB work in a database file with a spill folder in the work folder; both databases were written.
        Assert.True(Directory.Exists(Path.Combine(work, "duck-spill")));
        Assert.True(File.Exists(Path.Combine(work, "duck-db.duckdb")));
        Assert.True(File.Exists(Path.Combine(work, "duck-db", "events.parquet")));
        Assert.True(File.Exists(Path.Combine(work, "grid-db", "events.parquet")));
    }

    [Fact]
    public async Task Run_WithIncremental_TheUpdatedGridAgreesWithDuckDbsRecompute()
    {
        var (extract, work) = Prepare(6);

        var scenarios = await new BenchReferenceRun(work, [2020], "k", Screen).RunAsync(extract, TestContext.Current.CancellationToken);

        // The month was applied to the built grid in one call per patient (apply, commit, re-derive): nothing was left to
        // settle, and the sequence sums and the cohort count (from the partitions' summaries) equal DuckDB's recompute
        // of the whole extract.
        Assert.Equal(4, scenarios.Count);
        Assert.StartsWith("incremental", scenarios[1].Name, StringComparison.Ordinal);
        Assert.Contains("settle what was left", scenarios[1].Detail, StringComparison.Ordinal);
        Assert.Contains("(0 re-derived, 0 written)", scenarios[1].Detail, StringComparison.Ordinal);
        Assert.Contains("same sums on both engines", scenarios[2].Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("DIFFER", scenarios[3].Detail, StringComparison.Ordinal);
    }
}
