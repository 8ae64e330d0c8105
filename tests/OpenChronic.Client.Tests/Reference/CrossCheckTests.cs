using OpenChronic.Client.Commands;
using OpenChronic.Client.Reference;
using OpenChronic.Domain.Privacy;
using Spectre.Console;

namespace OpenChronic.Client.Tests.Reference;

/// <summary>The grid's build and the DuckDB reference on the same small extract, defects on.</summary>
public sealed class CrossCheckTests : IDisposable
{
    private const string Key = "cross-check-test-key";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "openchronic-crosscheck-" + Guid.NewGuid().ToString("N"));
    private readonly StringWriter _output = new();
    private readonly IAnsiConsole _console;

    public CrossCheckTests()
    {
        Directory.CreateDirectory(_root);
        _console = TestConsoles.Capture(_output);
    }

    private string Extract => Path.Combine(_root, "extract");

    [Fact]
    public async Task CrossCheck_GridBuildOfSmallExtractWithDefects_HasZeroDifferences()
    {
        Assert.Equal(0, SynthCommand.Run(1_000, "2019-2020", 11, "parquet", Extract, 0.03, false, _console, TestContext.Current.CancellationToken));
        var db = Path.Combine(_root, "db");
        Assert.Equal(0, await BuildCommand.RunAsync(Extract, db, Key, null, _console, TestContext.Current.CancellationToken));

        using var connection = ReferenceBuild.Connect();
        ReferenceBuild.Run(connection, Extract, KeyedPseudonym.FromPassphrase(Key));
        var results = DatabaseComparer.Compare(connection, db);

        Assert.Equal(ReferenceBuild.Tables, results.Select(r => r.Table));
        Assert.All(results, r => Assert.True(r.ReferenceRows > 0, $"{r.Table} is empty: nothing was compared."));
        CrossCheckCommand.Show(_console, results);
        Assert.True(results.All(r => r.Matches), _output.ToString());
        Assert.Equal(0, CrossCheckCommand.Run(Extract, db, Key, null, _console));
    }

    [Fact]
    public void Compare_DatabaseMissingARowAndWithAChangedValue_ReportsBoth()
    {
        Assert.Equal(0, SynthCommand.Run(300, "2020", 5, "parquet", Extract, 0, false, _console, TestContext.Current.CancellationToken));
        using var connection = ReferenceBuild.Connect();
        ReferenceBuild.Run(connection, Extract, KeyedPseudonym.FromPassphrase(Key));
        var copy = Path.Combine(_root, "copy");
        ReferenceBuild.Export(connection, copy);
        Assert.All(DatabaseComparer.Compare(connection, copy), r => Assert.True(r.Matches, r.Table));

        // One stay less, and one patient born a year later.
        ReferenceSql.Execute(connection, $"""
            COPY (SELECT * FROM stays ORDER BY ALL OFFSET 1) TO {ReferenceSql.Literal(Path.Combine(copy, "stays.parquet"))} (FORMAT parquet);
            COPY (SELECT * REPLACE (CASE WHEN patient_id = (SELECT min(patient_id) FROM patients) THEN birth_year + 1 ELSE birth_year END AS birth_year) FROM patients)
                TO {ReferenceSql.Literal(Path.Combine(copy, "patients.parquet"))} (FORMAT parquet);
            """);
        var results = DatabaseComparer.Compare(connection, copy).ToDictionary(r => r.Table);

        Assert.Equal(1, results["stays"].MissingKeys);
        Assert.Equal(1, results["stays"].OnlyInReference);
        Assert.Equal(results["stays"].ReferenceRows - 1, results["stays"].GridRows);
        var birth = Assert.Single(results["patients"].Columns);
        Assert.Equal(("birth_year", 1L), (birth.Column, birth.Rows));
        Assert.True(results["events"].Matches);
    }

    public void Dispose()
    {
        _output.Dispose();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
