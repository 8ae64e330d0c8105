using System.Text.Json;

namespace OpenChronic.Domain.Releases;

/// <summary>The verdict of <see cref="ReleaseVerifier"/>: the problems found (none when the release passes) and the figures re-derived.</summary>
public sealed record ReleaseVerification(IReadOnlyList<string> Problems, ReleaseAchieved? Achieved, ReleaseManifest? Manifest)
{
    public bool Passed => Problems.Count == 0;
}

/// <summary>
/// Checks a release directory against a policy from its files alone, by plain counting that shares no code with the
/// anonymizer: every file is listed in <c>release.json</c> with its SHA-256; the microdata has the policy's columns,
/// one row per distinct pseudonym, classes of at least k persons, l-diverse classes, k^m-anonymous pathway codes and
/// suppression within the limit; the Parquet copy equals the CSV; every published aggregate count is 0 or at least
/// the minimum cell size and no hidden cell can be recomputed from the table's sums; no value looks like an
/// identifier (a run of 13 or more digits: NIR, <c>BEN_NIR_PSA</c>); the recorded prosecutor risks are those of the microdata.
/// </summary>
public static partial class ReleaseVerifier
{
    public static ReleaseVerification Verify(string directory, ReleasePolicy policy, IReleaseTableFormat? format)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(policy);
        var problems = new List<string>();
        var manifestPath = Path.Combine(directory, ReleaseManifest.FileName);
        if (!File.Exists(manifestPath))
        {
            return new ReleaseVerification([$"{ReleaseManifest.FileName} is missing"], null, null);
        }

        ReleaseManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ReleaseManifest>(File.ReadAllText(manifestPath), ReleasePolicy.JsonOptions);
        }
        catch (JsonException e)
        {
            return new ReleaseVerification([$"{ReleaseManifest.FileName} is not a manifest: {e.Message}"], null, null);
        }

        if (manifest is null)
        {
            return new ReleaseVerification([$"{ReleaseManifest.FileName} is empty"], null, null);
        }

        CheckFiles(directory, manifest, problems);
        var achieved = Measure(directory, policy, format, problems);
        if (achieved != manifest.Achieved)
        {
            problems.Add($"{ReleaseManifest.FileName} claims {manifest.Achieved}, the files give {achieved}");
        }

        CheckRisks(directory, policy, manifest, problems);
        var persons = manifest.PublishedRecords + manifest.SuppressedRecords;
        if (manifest.SuppressedRecords < 0 || manifest.SuppressedRecords > Math.Floor((policy.SuppressionLimit * persons) + 1e-9))
        {
            problems.Add($"{manifest.SuppressedRecords} of {persons} persons suppressed, more than the limit {policy.SuppressionLimit:P1}");
        }

        foreach (var table in manifest.Tables)
        {
            CheckTable(directory, table.File, policy.MinCellSize, problems);
        }

        return new ReleaseVerification(problems, achieved, manifest);
    }

    /// <summary>Re-derives the privacy figures of the data files; adds what breaks the policy to <paramref name="problems"/>.</summary>
    public static ReleaseAchieved Measure(string directory, ReleasePolicy policy, IReleaseTableFormat? format, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(problems);
        var csv = Path.Combine(directory, ReleaseManifest.MicrodataCsv);
        if (!File.Exists(csv))
        {
            problems.Add($"{ReleaseManifest.MicrodataCsv} is missing");
            return new ReleaseAchieved(0, null, null, null, null, 0);
        }

        var lines = File.ReadAllLines(csv);
        var header = lines.Length > 0 ? lines[0].Split(ReleaseWriter.Separator) : [];
        var rows = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(ReleaseWriter.Separator)).ToList();
        List<string> expected = ["pseudonym", .. policy.QuasiIdentifiers.Select(q => q.Attribute), .. policy.Sensitive];
        if (policy.Km is not null)
        {
            expected.Add("pathway");
        }

        if (!header.SequenceEqual(expected))
        {
            problems.Add($"{ReleaseManifest.MicrodataCsv} has columns [{string.Join(",", header)}], the policy publishes [{string.Join(",", expected)}]");
            return new ReleaseAchieved(0, null, null, null, null, 0);
        }

        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != header.Length)
            {
                problems.Add($"{ReleaseManifest.MicrodataCsv} line {i + 2}: {rows[i].Length} fields, the header has {header.Length}");
                return new ReleaseAchieved(0, null, null, null, null, 0);
            }
        }

        CheckPseudonyms(rows, problems);
        // the pseudonym column is checked for its own format above; a hex digest may hold long digit runs by chance
        CheckIdentifiers(ReleaseManifest.MicrodataCsv, rows.Select(r => r[1..]), problems);
        var (k, distinct, entropy) = Classes(rows, policy, problems);
        int? kmSupport = policy.Km is { } km ? Km(rows, header.Length - 1, km, problems) : null;
        if (format is not null)
        {
            CheckCopy(directory, format, header, rows, problems);
        }

        var smallest = 0;
        foreach (var file in Directory.Exists(Path.Combine(directory, "tables")) ? Directory.GetFiles(Path.Combine(directory, "tables"), "*.csv") : [])
        {
            foreach (var count in ReadTable(file).Where(c => c.Count is > 0).Select(c => c.Count!.Value))
            {
                smallest = smallest == 0 ? (int)count : Math.Min(smallest, (int)Math.Min(count, int.MaxValue));
            }
        }

        return new ReleaseAchieved(k, policy.LDiversity?.Distinct is null ? null : distinct,
            policy.LDiversity?.Entropy is null ? null : Math.Round(entropy, 6), kmSupport, policy.Km?.M, smallest);
    }

    private static void CheckFiles(string directory, ReleaseManifest manifest, List<string> problems)
    {
        var listed = manifest.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(directory, file).Replace('\\', '/');
            if (relative == ReleaseManifest.FileName)
            {
                continue;
            }

            if (!listed.Remove(relative, out var entry))
            {
                problems.Add($"{relative} is not listed in {ReleaseManifest.FileName}");
                continue;
            }

            var bytes = File.ReadAllBytes(file);
            if (bytes.LongLength != entry.Bytes || ReleaseWriter.Sha256(bytes) != entry.Sha256)
            {
                problems.Add($"{relative} does not match its SHA-256 in {ReleaseManifest.FileName}");
            }
        }

        problems.AddRange(listed.Keys.Select(f => $"{f} is listed in {ReleaseManifest.FileName} but missing"));
    }

    private static void CheckPseudonyms(List<string[]> rows, List<string> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var p = rows[i][0];
            if (p.Length != 32 || !p.All(char.IsAsciiHexDigitLower))
            {
                problems.Add($"{ReleaseManifest.MicrodataCsv} line {i + 2}: pseudonym '{p}' is not 32 lower-case hex digits");
            }
            else if (!seen.Add(p))
            {
                problems.Add($"{ReleaseManifest.MicrodataCsv} line {i + 2}: pseudonym repeated (one row per person)");
            }
        }
    }

    private static void CheckIdentifiers(string file, IEnumerable<string[]> rows, List<string> problems)
    {
        var line = 1;
        foreach (var row in rows)
        {
            line++;
            foreach (var value in row)
            {
                var run = 0;
                foreach (var ch in value)
                {
                    run = char.IsAsciiDigit(ch) ? run + 1 : 0;
                    if (run >= 13)
                    {
                        problems.Add($"{file} line {line}: '{value}' looks like an identifier (13 or more digits)");
                        break;
                    }
                }
            }
        }
    }

    private static void CheckCopy(string directory, IReleaseTableFormat format, string[] header, List<string[]> rows, List<string> problems)
    {
        var path = Path.Combine(directory, format.FileName);
        if (!File.Exists(path))
        {
            problems.Add($"{format.FileName} is missing");
            return;
        }

        var (columns, copy) = format.Read(path);
        if (!columns.SequenceEqual(header) || copy.Count != rows.Count || Enumerable.Range(0, rows.Count).Any(i => !copy[i].SequenceEqual(rows[i])))
        {
            problems.Add($"{format.FileName} does not hold the same table as {ReleaseManifest.MicrodataCsv}");
        }
    }
}
