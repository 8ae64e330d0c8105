using System.Security.Cryptography;
using System.Text.Json;

namespace OpenChronic.Domain.Releases.EventLevel;

/// <summary>
/// Re-checks an event-level release from its files alone: the manifest's hashes, that every event belongs to a
/// released person, k on the quasi-identifier classes, k^m on each person's set of <c>code@period</c> items and the
/// support of every ordered sequence of up to L items (an item before another when its period ends before the other
/// begins), all counted afresh here, plus the <see cref="IdentifierScan"/>.
/// </summary>
public static class EventReleaseVerifier
{
    /// <summary>Whether the <c>release.json</c> of <paramref name="directory"/> is an event-level manifest.</summary>
    public static bool IsEventLevel(string directory)
    {
        var path = Path.Combine(directory, ReleaseManifest.FileName);
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            return doc.RootElement.TryGetProperty("kind", out var kind) && kind.GetString() == EventReleaseManifest.EventLevelKind;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Verifies the release in <paramref name="directory"/>; the problems found and the re-derived figures.</summary>
    public static (List<string> Problems, EventAchieved? Achieved) Verify(string directory)
    {
        var problems = new List<string>();
        EventReleaseManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<EventReleaseManifest>(File.ReadAllText(Path.Combine(directory, ReleaseManifest.FileName)), ReleasePolicy.JsonOptions);
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            problems.Add($"{ReleaseManifest.FileName}: {e.Message}");
            return (problems, null);
        }

        if (manifest is null || manifest.Policy.Validate() is { } bad)
        {
            problems.Add($"{ReleaseManifest.FileName}: no usable policy.");
            return (problems, null);
        }

        foreach (var file in manifest.Files)
        {
            var path = Path.Combine(directory, file.Path);
            if (!File.Exists(path) || Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))) != file.Sha256)
            {
                problems.Add($"{file.Path}: missing or its SHA-256 differs from the manifest.");
            }
        }

        var persons = EventReleaseRows.ReadCsv(Path.Combine(directory, EventReleaseRows.PersonsCsv), EventReleaseRows.PersonColumns, problems);
        var events = EventReleaseRows.ReadCsv(Path.Combine(directory, EventReleaseRows.EventsCsv), EventReleaseRows.EventColumns, problems);
        var achieved = Check(persons, events, manifest.Policy, problems);
        if (persons.Count != manifest.Persons || events.Count != manifest.Events)
        {
            problems.Add($"the manifest announces {manifest.Persons} persons and {manifest.Events} events, the files hold {persons.Count} and {events.Count}.");
        }

        CheckTables(Path.Combine(directory, TablesCsv), manifest.Policy, problems);
        if (manifest.Policy.TableGate == "dp" && File.Exists(Path.Combine(directory, TablesCsv)))
        {
            var tables = EventReleaseRows.ReadCsv(Path.Combine(directory, TablesCsv), ["territory", "table", "column", "persons"], []).Select(r => r[1]).Distinct(StringComparer.Ordinal).Count();
            var spent = manifest.MeasuredRisks.Concat(manifest.Utility).FirstOrDefault(r => r.Name == TablesEpsilon)?.Value;
            if (spent is not { } e || Math.Abs(e - (tables * manifest.Policy.TableEpsilon)) > 1e-9)
            {
                problems.Add($"{TablesCsv}: {tables} tables at ε = {manifest.Policy.TableEpsilon} each spend {tables * manifest.Policy.TableEpsilon}, the manifest accounts {spent?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"}.");
            }
        }
        problems.AddRange(IdentifierScan.Scan(directory, new HashSet<string>()));
        return (problems, achieved);
    }

    /// <summary>The per-territory aggregate tables beside the rows (territory, table, column, persons; empty = suppressed).</summary>
    public const string TablesCsv = "territories.csv";

    /// <summary>The measured-risk name of the ε the tables spend under the <c>dp</c> gate (basic composition).</summary>
    public const string TablesEpsilon = "tables_epsilon_total";

    /// <summary>
    /// Checks <paramref name="path"/> (when present) under the policy's table gate: <c>suppression</c>, every published
    /// count is 0 or at least 11 persons; <c>dp</c>, every count is published, a non-negative integer, each row's
    /// <c>total</c> is the sum of its columns and the national row <c>FR</c> the sum of the départements.
    /// </summary>
    public static void CheckTables(string path, EventReleasePolicy policy, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(problems);
        if (!File.Exists(path))
        {
            return;
        }

        var rows = EventReleaseRows.ReadCsv(path, ["territory", "table", "column", "persons"], problems);
        var values = new Dictionary<(string Territory, string Table, string Column), long>();
        for (var r = 0; r < rows.Count; r++)
        {
            var cell = rows[r][3];
            var parsed = long.TryParse(cell, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n);
            if (policy.TableGate == "dp")
            {
                if (!parsed)
                {
                    problems.Add($"{TablesCsv} row {r + 2}: '{cell}' is not a published non-negative count (the dp gate publishes every cell).");
                    continue;
                }

                values[(rows[r][0], rows[r][1], rows[r][2])] = n;
            }
            else if (cell.Length > 0 && (!parsed || (n > 0 && n < Privacy.Anonymity.CellSuppression.DefaultThreshold)))
            {
                problems.Add($"{TablesCsv} row {r + 2}: published count '{cell}' is not 0 or at least {Privacy.Anonymity.CellSuppression.DefaultThreshold}.");
            }
        }

        if (policy.TableGate != "dp")
        {
            return;
        }

        foreach (var group in values.Where(v => v.Key.Column != "total").GroupBy(v => (v.Key.Territory, v.Key.Table)))
        {
            if (values.GetValueOrDefault((group.Key.Territory, group.Key.Table, "total"), -1) != group.Sum(v => v.Value))
            {
                problems.Add($"{TablesCsv}: the total of {group.Key.Table} in {group.Key.Territory} is not the sum of its columns.");
            }
        }

        foreach (var group in values.Where(v => v.Key.Territory != "FR").GroupBy(v => (v.Key.Table, v.Key.Column)))
        {
            if (values.GetValueOrDefault(("FR", group.Key.Table, group.Key.Column), -1) != group.Sum(v => v.Value))
            {
                problems.Add($"{TablesCsv}: the national {group.Key.Table} / {group.Key.Column} is not the sum of the départements.");
            }
        }
    }

    /// <summary>Checks released rows against <paramref name="policy"/>; violations are added to <paramref name="problems"/>.</summary>
    public static EventAchieved Check(IReadOnlyList<string[]> persons, IReadOnlyList<string[]> events, EventReleasePolicy policy, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(persons);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(problems);
        var before = problems.Count;
        var classes = persons.GroupBy(p => $"{p[1]}|{p[2]}|{p[3]}", StringComparer.Ordinal).Select(g => g.Count()).ToList();
        var qiK = classes.Count == 0 ? 0 : classes.Min();
        if (classes.Count > 0 && qiK < policy.K)
        {
            problems.Add($"a quasi-identifier class holds {qiK} persons, under k = {policy.K}.");
        }

        var known = persons.Select(p => p[0]).ToHashSet(StringComparer.Ordinal);
        if (known.Count != persons.Count)
        {
            problems.Add("a person appears twice in persons.csv.");
            return new EventAchieved(qiK, 0, policy.M, 0, policy.SequenceLength, problems.Count - before);
        }

        var qi = persons.ToDictionary(p => p[0], p => policy.WithinQuasiIdentifiers ? $"{p[1]}|{p[2]}|{p[3]}|" : "", StringComparer.Ordinal);
        var sets = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (!known.Contains(e[0]))
            {
                problems.Add("events.csv holds an event of a person absent from persons.csv.");
                break;
            }

            (sets.TryGetValue(e[0], out var set) ? set : sets[e[0]] = []).Add(qi[e[0]] + e[2] + "@" + e[3]);
        }

        var items = sets.Values.Select(s => s.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray()).ToList();
        var km = MinSupport(items, policy.M, (set, emit) => Combine(set, policy.M, 0, [], emit));
        if (km < policy.K)
        {
            problems.Add($"a combination of up to {policy.M} events is shared by {km} persons, under k = {policy.K}.");
        }

        var spans = new PeriodSpans(policy.TimeUnit);
        var sequences = MinSupport(items, policy.SequenceLength, (set, emit) => Sequences(set, spans, policy.SequenceLength, [], emit));
        if (sequences < policy.K)
        {
            problems.Add($"an ordered sequence of up to {policy.SequenceLength} events is shared by {sequences} persons, under k = {policy.K}.");
        }

        return new EventAchieved(qiK, km, policy.M, sequences, policy.SequenceLength, problems.Count - before);
    }

    private static int MinSupport(List<string[]> sets, int size, Action<string[], Action<string>> enumerate)
    {
        var supports = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var set in sets)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            enumerate(set, key =>
            {
                if (seen.Add(key))
                {
                    supports[key] = supports.GetValueOrDefault(key) + 1;
                }
            });
        }

        return supports.Count == 0 ? int.MaxValue : supports.Values.Min();
    }

    private static void Combine(string[] set, int left, int start, List<string> chosen, Action<string> emit)
    {
        for (var i = start; i < set.Length; i++)
        {
            chosen.Add(set[i]);
            emit(string.Join('\u001f', chosen));
            if (left > 1)
            {
                Combine(set, left - 1, i + 1, chosen, emit);
            }

            chosen.RemoveAt(chosen.Count - 1);
        }
    }

    private static void Sequences(string[] set, PeriodSpans spans, int left, List<string> chosen, Action<string> emit)
    {
        foreach (var item in set)
        {
            if (chosen.Count > 0 && !spans.Before(chosen[^1], item))
            {
                continue;
            }

            chosen.Add(item);
            emit(string.Join('>', chosen));
            if (left > 1)
            {
                Sequences(set, spans, left - 1, chosen, emit);
            }

            chosen.RemoveAt(chosen.Count - 1);
        }
    }
}
