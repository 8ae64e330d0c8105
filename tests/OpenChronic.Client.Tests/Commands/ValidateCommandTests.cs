using OpenChronic.Client.Commands;
using OpenChronic.Ingestion.Validation;
using Spectre.Console;

namespace OpenChronic.Client.Tests.Commands;

public sealed class ValidateCommandTests : IDisposable
{
    private const string Person = "AAAAAAAAAAAAAAAA1";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "openchronic-validate-cli-" + Guid.NewGuid().ToString("N"));
    private readonly StringWriter _output = new();
    private readonly IAnsiConsole _console;

    public ValidateCommandTests()
    {
        Directory.CreateDirectory(_root);
        _console = TestConsoles.Capture(_output);
    }

    private string Extract => Path.Combine(_root, "extract");

    private string ReportPath => Path.Combine(_root, "out", "report.json");

    [Fact]
    public void Run_NoFolderGiven_IsBadUsage() => Assert.Equal(2, Run(null));

    [Fact]
    public void Run_FolderMissing_IsBadUsage()
    {
        Assert.Equal(2, Run(Path.Combine(_root, "nowhere")));
        Assert.Contains("No folder", _output.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(ReportPath));
    }

    [Fact]
    public void Run_IngestibleExtractWithRowProblems_ExitsZeroAndWritesTheMaskedReport()
    {
        Write("IR_BEN_R.csv", "BEN_NIR_PSA;BEN_RNG_GEM;BEN_SEX_COD", $"{Person};1;1", $"{Person};1;5");

        Assert.Equal(0, Run(Extract));

        var output = _output.ToString();
        Assert.Contains("IR_BEN_R", output, StringComparison.Ordinal);
        Assert.Contains("DuplicateKey", output, StringComparison.Ordinal);
        Assert.Contains("can be ingested", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Person, output, StringComparison.Ordinal);
        using var stream = File.OpenRead(ReportPath);
        var report = ValidationReportJson.Read(stream)!;
        Assert.Equal(1, report.Count(ValidationProblemKind.DuplicateKey, "IR_BEN_R"));
        Assert.Equal(1, report.Count(ValidationProblemKind.UnknownCode, "IR_BEN_R", "BEN_SEX_COD"));
        Assert.DoesNotContain(Person, File.ReadAllText(ReportPath), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NoPersonTable_ExitsOne()
    {
        Write("ER_PRS_F_201901.csv", "DCT_ORD_NUM;BEN_NIR_PSA", $"1;{Person}");

        Assert.Equal(1, Run(Extract));
        Assert.Contains("cannot be ingested", _output.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(ReportPath));
    }

    [Fact]
    public void Run_NoTableAtAll_ExitsOneAndListsTheFiles()
    {
        Write("notes.txt", "nothing here");

        Assert.Equal(1, Run(Extract));
        Assert.Contains("notes.txt", _output.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _output.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private int Run(string? directory) =>
        ValidateCommand.Run(directory, ReportPath, _console, TestContext.Current.CancellationToken);

    private void Write(string name, params string[] lines)
    {
        Directory.CreateDirectory(Extract);
        File.WriteAllLines(Path.Combine(Extract, name), lines);
    }
}
