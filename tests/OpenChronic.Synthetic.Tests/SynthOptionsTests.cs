using OpenChronic.Ingestion.Tables;

namespace OpenChronic.Synthetic.Tests;

/// <summary>Bad options are refused with a message naming the option, before anything is written.</summary>
public sealed class SynthOptionsTests
{
    [Theory]
    [InlineData(0, 2019, 2021, 0.0, "--patients")]
    [InlineData(10, 2021, 2019, 0.0, "--years")]
    [InlineData(10, 1990, 2019, 0.0, "--years")]
    [InlineData(10, 2019, 2021, 0.9, "--defects")]
    [InlineData(10, 2019, 2021, double.NaN, "--defects")]
    public void Validate_OutOfRange_ThrowsNamingTheOption(int patients, int first, int last, double defects, string option)
    {
        var options = new SynthOptions(patients, first, last, 1, SndsFileFormat.Parquet, "unused", defects);

        var error = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Contains(option, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_BadOptions_WritesNothing()
    {
        var directory = Path.Combine(Path.GetTempPath(), "openchronic-synth-tests", Guid.NewGuid().ToString("N"));

        Assert.Throws<ArgumentException>(() => SyntheticGenerator.Generate(
            new SynthOptions(10, 2019, 2021, 1, SndsFileFormat.Parquet, directory, -1), cancellationToken: TestContext.Current.CancellationToken));
        Assert.False(Directory.Exists(directory));
    }
}
