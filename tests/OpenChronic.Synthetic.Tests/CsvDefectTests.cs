using OpenChronic.Domain.Snds;
using OpenChronic.Ingestion.Tables;

namespace OpenChronic.Synthetic.Tests;

/// <summary>In CSV, malformed rows include unparsable dates, which the table reader rejects at the recorded row.</summary>
public sealed class CsvDefectTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "openchronic-synth-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void Generate_CsvWithDefects_ReaderRejectsEachUnparsableDateAtItsRow()
    {
        SyntheticGenerator.Generate(new SynthOptions(200, 2020, 2020, 77, SndsFileFormat.Csv, _directory, 0.1),
            cancellationToken: TestContext.Current.CancellationToken);
        var defects = File.ReadLines(Path.Combine(_directory, "truth", "defects.csv")).Skip(1)
            .Select(l => l.Split(';')).Where(v => v[4] == "unparsable_date")
            .Select(v => (File: v[1], Row: long.Parse(v[2], System.Globalization.CultureInfo.InvariantCulture))).ToList();

        var rejects = new HashSet<(string, long)>();
        foreach (var file in defects.Select(d => d.File).Distinct())
        {
            using var reader = SndsTableReader.Open(Path.Combine(_directory, file), SndsCatalogue.Default["ER_PRS_F"]);
            while (reader.ReadNext() is { } batch)
            {
                using (batch)
                {
                    foreach (var r in batch.Rejects.Where(r => r.Column == "EXE_SOI_DTD"))
                    {
                        rejects.Add((file, r.Row));
                    }
                }
            }
        }

        Assert.NotEmpty(defects);
        Assert.All(defects, d => Assert.Contains((d.File, d.Row), rejects));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left to the system's temp cleaning.
        }
    }
}
