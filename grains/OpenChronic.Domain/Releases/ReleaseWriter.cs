using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OpenChronic.Domain.Releases;

/// <summary>
/// Writes a release as an immutable directory <c>&lt;root&gt;/&lt;cohort&gt;/&lt;n&gt;/</c>: the microdata
/// (<c>microdata.csv</c>, and Parquet through <see cref="IReleaseTableFormat"/>), one CSV per aggregate table under
/// <c>tables/</c> (hidden cells empty, status <c>hidden</c> without saying why), and <c>release.json</c>. The files go
/// to a staging directory first; <see cref="ReleaseVerifier"/> checks it against the policy, and only a release that
/// passes is moved into place. An existing release directory is never overwritten.
/// </summary>
public static class ReleaseWriter
{
    /// <summary>Separator of the CSV files.</summary>
    public const char Separator = ';';

    /// <summary>Separator of the codes in the <c>pathway</c> column.</summary>
    public const char CodeSeparator = '|';

    private static readonly UTF8Encoding s_utf8 = new(false);

    /// <summary>Publishes the release; returns its manifest and directory, or the reason it is refused.</summary>
    public static ReleasePublishResult Publish(string root, ReleaseContent content, string definitionJson, ReleasePolicy policy,
        DateTimeOffset created, IReleaseTableFormat? format) =>
        Publish(root, content, definitionJson, policy, created, format, ReleaseExtras.None);

    /// <summary>
    /// Publishes the release with <paramref name="extras"/>: the class-based risks measured on the microdata and the
    /// extra risks go to the manifest's <see cref="ReleaseManifest.MeasuredRisks"/>, the extra files beside the data.
    /// </summary>
    public static ReleasePublishResult Publish(string root, ReleaseContent content, string definitionJson, ReleasePolicy policy,
        DateTimeOffset created, IReleaseTableFormat? format, ReleaseExtras extras)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(definitionJson);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(extras);
        var final = Path.Combine(root, content.Cohort, content.Number.ToString(CultureInfo.InvariantCulture));
        if (Directory.Exists(final))
        {
            return new ReleasePublishResult(null, null, $"release {content.Cohort}/{content.Number} already exists; releases are immutable");
        }

        var staging = Path.Combine(root, content.Cohort, $".staging-{content.Number}");
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        Directory.CreateDirectory(Path.Combine(staging, "tables"));
        WriteMicrodata(staging, content, format);
        var tables = ImmutableArray.CreateBuilder<ReleaseTableInfo>();
        foreach (var t in content.Tables)
        {
            var file = $"tables/{t.Name}.csv";
            WriteTable(Path.Combine(staging, file), t);
            tables.Add(new ReleaseTableInfo(t.Name, file, t.RowLabels.Length, t.ColumnLabels.Length, t.Cells.Threshold,
                t.Cells.PrimaryCount, t.Cells.ComplementaryCount, t.Cells.ForcedCount));
        }

        foreach (var extra in extras.Files)
        {
            var path = Path.GetFullPath(Path.Combine(staging, extra.Path));
            if (!path.StartsWith(Path.GetFullPath(staging) + Path.DirectorySeparatorChar, StringComparison.Ordinal) || extra.Path == ReleaseManifest.FileName)
            {
                throw new ArgumentException($"Extra file '{extra.Path}' is outside the release or replaces its manifest.", nameof(extras));
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, extra.Text, s_utf8);
        }

        var measured = ReleaseVerifier.Measure(staging, policy, format, []);
        var risks = ReleaseRisks.Classes([.. content.Rows.Select(r => (IReadOnlyList<string>)r)], 1, policy.QuasiIdentifiers.Count,
            content.SuppressedRecords, extras.RiskThreshold, extras.PopulationSize).AddRange(extras.Risks);
        var manifest = new ReleaseManifest(ReleaseManifest.CurrentFormat, content.Cohort, content.Number, created,
            definitionJson, Sha256(s_utf8.GetBytes(definitionJson)), policy, content.Rows.Length, content.SuppressedRecords,
            content.Levels, measured, content.Utility, tables.ToImmutable(), Files(staging), risks);
        File.WriteAllText(Path.Combine(staging, ReleaseManifest.FileName), JsonSerializer.Serialize(manifest, ReleasePolicy.JsonOptions), s_utf8);

        var problems = ReleaseVerifier.Verify(staging, policy, format).Problems;
        if (problems.Count > 0)
        {
            Directory.Delete(staging, recursive: true);
            return new ReleasePublishResult(null, null, "the release breaks the policy: " + string.Join("; ", problems.Take(5)));
        }

        Directory.Move(staging, final);
        return new ReleasePublishResult(manifest, final, null);
    }

    /// <summary>SHA-256 of a byte string, lower-case hex.</summary>
    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Every file of a release directory except the manifest, with size and SHA-256, in path order.</summary>
    public static ImmutableArray<ReleaseFile> Files(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return [.. Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/'))
            .Where(f => f != ReleaseManifest.FileName)
            .Order(StringComparer.Ordinal)
            .Select(f =>
            {
                var bytes = File.ReadAllBytes(Path.Combine(directory, f));
                return new ReleaseFile(f, bytes.LongLength, Sha256(bytes));
            })];
    }

    private static void WriteMicrodata(string directory, ReleaseContent content, IReleaseTableFormat? format)
    {
        var text = new StringBuilder();
        text.AppendJoin(Separator, content.Columns).Append('\n');
        foreach (var row in content.Rows)
        {
            foreach (var value in row)
            {
                Check(value);
            }

            text.AppendJoin(Separator, row).Append('\n');
        }

        File.WriteAllText(Path.Combine(directory, ReleaseManifest.MicrodataCsv), text.ToString(), s_utf8);
        format?.Write(Path.Combine(directory, format.FileName), content.Columns, [.. content.Rows.Select(r => (IReadOnlyList<string>)r)]);
    }

    private static void WriteTable(string path, AggregateTable table)
    {
        var text = new StringBuilder("row;column;count;status\n");
        var cells = table.Cells;
        for (var r = 0; r <= cells.Rows; r++)
        {
            for (var c = 0; c <= cells.Columns; c++)
            {
                var row = r == cells.Rows ? "Total" : table.RowLabels[r];
                var column = c == cells.Columns ? "Total" : table.ColumnLabels[c];
                var value = cells.Published(r, c);
                text.Append(CultureInfo.InvariantCulture, $"{row};{column};{value};{(value is null ? "hidden" : "published")}\n");
            }
        }

        File.WriteAllText(path, text.ToString(), s_utf8);
    }

    // A value with the separator or a line break would shift columns: a bug upstream, not bad data.
    private static void Check(string value)
    {
        if (value.AsSpan().IndexOfAny(";\n\r") >= 0)
        {
            throw new InvalidOperationException($"A released value contains a separator: '{value}'.");
        }
    }
}

/// <summary>The outcome of publishing: the manifest and directory of the release, or the reason it was refused.</summary>
public sealed record ReleasePublishResult(ReleaseManifest? Manifest, string? Directory, string? Refusal)
{
    public bool Accepted => Manifest is not null;
}
