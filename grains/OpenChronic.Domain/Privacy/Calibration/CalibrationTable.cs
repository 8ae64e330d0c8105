using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenChronic.Domain.Privacy.Anonymity;

namespace OpenChronic.Domain.Privacy.Calibration;

/// <summary>
/// The risk–utility table behind a calibration, as published beside a calibrated release: <c>calibration.csv</c>
/// (one line per explored k and suppression limit: levels, smallest class, suppression rate, utility kept, prosecutor
/// risks, upper bounds of the attack risks, verdict) and <c>calibration.json</c> (target, choice, the same lines, the
/// k^m candidates of the pathway codes and the rated ε of a DP class-count table).
/// </summary>
public static class CalibrationTable
{
    /// <summary>File name of the CSV table.</summary>
    public const string CsvFile = "calibration.csv";

    /// <summary>File name of the JSON document.</summary>
    public const string JsonFile = "calibration.json";

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The CSV table (';'-separated, invariant culture, levels joined by ',').</summary>
    public static string Csv(CalibrationResult result, QuasiIdentifierTable table)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(table);
        var text = new StringBuilder("k;suppression_limit;levels;smallest_class;suppression_rate;utility_kept;highest_prosecutor;average_prosecutor;singling_out_upper;linkability_upper;inference_upper;verdict\n");
        text.Append("# levels of ").AppendJoin(',', table.Columns.Select(c => c.Name)).Append('\n');
        foreach (var c in result.Candidates)
        {
            var u = c.Utility;
            text.Append(CultureInfo.InvariantCulture,
                $"{c.K};{c.SuppressionLimit:G4};{(c.Levels is { } l ? string.Join(',', l) : "")};{u?.SmallestClass.ToString(CultureInfo.InvariantCulture) ?? ""};");
            text.Append(CultureInfo.InvariantCulture,
                $"{(u is null ? "" : u.SuppressionRate.ToString("G6", CultureInfo.InvariantCulture))};{(u is null ? "" : c.UtilityKept.ToString("G6", CultureInfo.InvariantCulture))};");
            text.Append(CultureInfo.InvariantCulture, $"{c.HighestProsecutor:G6};{c.AverageProsecutor:G6};");
            text.Append(CultureInfo.InvariantCulture, $"{Upper(c.Attacks?.SinglingOut)};{Upper(c.Attacks?.Linkability)};{Upper(c.Attacks?.Inference)};");
            text.Append(c.Verdict.Replace(';', ',').Replace('\n', ' ')).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The JSON document: target, chosen parameters, explored policies, k^m candidates and rated ε.</summary>
    public static string Json(CalibrationResult result, QuasiIdentifierTable table)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(table);
        var chosen = result.Chosen;
        var document = new
        {
            target = result.Target,
            found = result.Found,
            chosen = chosen is null ? null : new
            {
                k = chosen.K,
                suppressionLimit = chosen.SuppressionLimit,
                levels = table.Columns.Select((c, i) => new { column = c.Name, level = chosen.Levels!.Value[i], maxLevel = c.Hierarchy.MaxLevel }),
                m = result.SetCandidates.FirstOrDefault(s => s.Chosen)?.M,
                utilityKept = chosen.UtilityKept,
                recommendedEpsilon = result.ChosenEpsilon,
            },
            candidates = result.Candidates.Select(c => new
            {
                c.K,
                c.SuppressionLimit,
                levels = c.Levels,
                smallestClass = c.Utility?.SmallestClass,
                suppressionRate = c.Utility?.SuppressionRate,
                loss = c.Utility?.Loss,
                c.UtilityKept,
                c.HighestProsecutor,
                c.AverageProsecutor,
                singlingOut = c.Attacks?.SinglingOut.Risk,
                singlingOutUnivariate = c.Attacks?.SinglingOutUnivariate.Risk,
                linkability = c.Attacks?.Linkability?.Risk,
                inference = c.Attacks?.Inference?.Risk,
                c.Verdict,
            }),
            sets = result.SetCandidates.Select(s => new { s.M, s.K, s.InformationLoss, s.UtilityKept, s.Verified, s.Chosen }),
            epsilons = result.EpsilonCandidates,
        };
        return JsonSerializer.Serialize(document, s_json);
    }

    private static string Upper(Risk.Attacks.AttackResult? result) =>
        result is null ? "" : result.Risk.Upper.ToString("G6", CultureInfo.InvariantCulture);
}
