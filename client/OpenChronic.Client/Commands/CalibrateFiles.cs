using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenChronic.Domain.Privacy.Calibration;
using OpenChronic.Domain.Privacy.DifferentialPrivacy;

namespace OpenChronic.Client.Commands;

/// <summary>
/// Writes what <c>calibrate</c> publishes: <c>release.csv</c> (the generalized rows that are not suppressed, in a
/// seeded random order so that row order reveals nothing), <c>class-counts.csv</c> (the DP class counts with their
/// intervals) and <c>release-risk.json</c> (the chosen policy, the measured risks and the risk–utility table).
/// </summary>
internal static class CalibrateFiles
{
    internal static JsonSerializerOptions Json { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    public static void WriteRelease(string directory, CalibrationResult result, ulong seed)
    {
        var release = result.Release!;
        var sets = result.ReleasedSets;
        var rows = Enumerable.Range(0, release.Rows.Length).Where(r => !release.Suppressed[r]).ToArray();
        var bits = ChaCha20RandomBits.FromSeed(seed, stream: 21);
        for (var i = rows.Length - 1; i > 0; i--)
        {
            var j = (int)bits.UniformBelow((ulong)(i + 1));
            (rows[i], rows[j]) = (rows[j], rows[i]);
        }

        var text = new StringBuilder();
        text.Append(string.Join(';', release.Columns));
        text.Append(sets is null ? "\n" : ";conditions\n");
        foreach (var r in rows)
        {
            text.Append(string.Join(';', release.Rows[r]));
            if (sets is { } s)
            {
                text.Append(';').Append(string.Join('|', s[r].Order(StringComparer.Ordinal)));
            }

            text.Append('\n');
        }

        File.WriteAllText(Path.Combine(directory, "release.csv"), text.ToString());
    }

    public static void WriteCounts(string directory, DpAggregateTable table)
    {
        var text = new StringBuilder();
        text.Append(string.Join(';', table.Dimensions)).Append(";noisy_count;lower_95;upper_95\n");
        foreach (var cell in table.Cells)
        {
            text.Append(string.Join(';', cell.Values)).Append(CultureInfo.InvariantCulture, $";{cell.Count};{cell.Lower};{cell.Upper}\n");
        }

        File.WriteAllText(Path.Combine(directory, "class-counts.csv"), text.ToString());
    }

    public static void WriteJson(string directory, CalibrationInput input, CalibrationResult result, DpAggregateTable? counts, string? countsRefusal, double seconds)
    {
        var chosen = result.Chosen;
        var document = new
        {
            target = result.Target,
            found = result.Found,
            persons = input.Table.RowCount,
            seconds,
            policy = chosen is null ? null : new
            {
                k = chosen.K,
                suppressionLimit = chosen.SuppressionLimit,
                levels = input.Table.Columns.Select((c, i) => new { column = c.Name, level = chosen.Levels!.Value[i], maxLevel = c.Hierarchy.MaxLevel }),
                m = result.SetCandidates.FirstOrDefault(s => s.Chosen)?.M,
                epsilon = result.ChosenEpsilon,
            },
            utility = chosen?.Utility is { } u ? new { loss = u.Loss, kept = chosen.UtilityKept, u.NonUniformEntropy, u.Classes, u.SmallestClass, u.SuppressedRecords } : null,
            risk = result.Risk,
            classCounts = counts is null
                ? (object?)new { refused = countsRefusal }
                : new { counts.Noise, counts.NoiseScale, counts.HalfWidth, counts.ConfidenceLevel, counts.Threshold, epsilon = counts.Cost.Epsilon, delta = counts.Cost.Delta, cells = counts.Cells.Length },
            candidates = result.Candidates.Select(c => new
            {
                c.K,
                c.SuppressionLimit,
                c.Levels,
                loss = c.Utility?.Loss,
                c.UtilityKept,
                c.HighestProsecutor,
                c.AverageProsecutor,
                singlingOut = c.Attacks?.SinglingOut.Risk,
                linkability = c.Attacks?.Linkability?.Risk,
                inference = c.Attacks?.Inference?.Risk,
                c.Verdict,
            }),
            sets = result.SetCandidates,
            epsilons = result.EpsilonCandidates,
        };
        File.WriteAllText(Path.Combine(directory, "release-risk.json"), JsonSerializer.Serialize(document, Json));
    }
}
