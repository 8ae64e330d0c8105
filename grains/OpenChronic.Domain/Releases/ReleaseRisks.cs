using System.Collections.Immutable;
using OpenChronic.Domain.Privacy.Calibration;

namespace OpenChronic.Domain.Releases;

/// <summary>
/// The re-identification risks recorded in every release's <c>release.json</c> (<see cref="ReleaseManifest.MeasuredRisks"/>):
/// class-based risks measured on the published microdata's quasi-identifier columns (prosecutor highest, average and
/// share of records above the threshold, marketer, sample uniqueness, population uniques by Pitman, Zayatz, SNB and
/// Dankar's rule against the SNDS population), and, for calibrated releases, the attack estimates with their bounds.
/// </summary>
public static class ReleaseRisks
{
    /// <summary>N for population uniqueness: the SNDS covers about 67 million insured persons.</summary>
    public const long SndsPopulation = 67_000_000;

    /// <summary>Name of the highest prosecutor risk (1 / smallest class), re-checked by <see cref="ReleaseVerifier"/>.</summary>
    public const string HighestProsecutor = "prosecutor.highest";

    /// <summary>Name of the average prosecutor risk (classes / records), re-checked by <see cref="ReleaseVerifier"/>.</summary>
    public const string AverageProsecutor = "prosecutor.average";

    /// <summary>
    /// Class-based risks of the published rows; columns <paramref name="first"/> to <paramref name="first"/> +
    /// <paramref name="count"/> − 1 are the quasi-identifiers. Models without a valid estimate are left out.
    /// </summary>
    public static ImmutableArray<MeasuredRisk> Classes(IReadOnlyList<IReadOnlyList<string>> rows, int first, int count, int suppressed,
        double threshold, long populationSize)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0 || count <= 0)
        {
            return [];
        }

        var codes = new int[count][];
        for (var c = 0; c < count; c++)
        {
            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            codes[c] = new int[rows.Count];
            for (var r = 0; r < rows.Count; r++)
            {
                var value = rows[r][first + c];
                if (!ids.TryGetValue(value, out var id))
                {
                    id = ids.Count;
                    ids.Add(value, id);
                }

                codes[c][r] = id;
            }
        }

        var risk = ReleaseRiskAssessor.MeasureClasses(codes, suppressed, threshold, Math.Max(populationSize, rows.Count));
        const string Basis = "equivalence classes of the published quasi-identifiers";
        var result = ImmutableArray.CreateBuilder<MeasuredRisk>();
        result.Add(new MeasuredRisk(HighestProsecutor, risk.Prosecutor.Highest, "prosecutor: 1 / smallest class, " + Basis));
        result.Add(new MeasuredRisk(AverageProsecutor, risk.Prosecutor.Average, "prosecutor: classes / records, " + Basis));
        result.Add(new MeasuredRisk("prosecutor.records_at_risk", risk.Prosecutor.RecordsAtRisk,
            FormattableString.Invariant($"share of records whose prosecutor risk exceeds {threshold:G4}")));
        result.Add(new MeasuredRisk("marketer", risk.Marketer, "marketer: expected share of records re-identified, " + Basis));
        result.Add(new MeasuredRisk("sample_uniqueness", risk.SampleUniqueness, "share of records alone in their class"));
        if (risk.PopulationUniqueness is { } p)
        {
            var population = FormattableString.Invariant($"N = {p.PopulationSize}");
            Add(result, "population_uniques.pitman", p.Pitman, "Pitman model, " + population);
            Add(result, "population_uniques.zayatz", p.Zayatz, "Zayatz model, " + population);
            Add(result, "population_uniques.snb", p.Snb, "SNB model, " + population);
            Add(result, "population_uniqueness", p.DankarFraction, $"Dankar's rule ({p.DankarModel}): population uniques / N, {population}");
        }

        return result.ToImmutable();
    }

    /// <summary>Each attack's risk and the bounds of its 95 % interval, with how it was measured.</summary>
    public static ImmutableArray<MeasuredRisk> Attacks(AttackRisks attacks, string method)
    {
        ArgumentNullException.ThrowIfNull(attacks);
        var result = ImmutableArray.CreateBuilder<MeasuredRisk>();
        foreach (var (name, attack) in attacks.All())
        {
            var key = "attack." + name.Replace(" (one column)", "_univariate", StringComparison.Ordinal).Replace(' ', '_');
            var counts = FormattableString.Invariant($"{attack.AttackSuccesses}/{attack.ControlSuccesses}/{attack.BaselineSuccesses} of {attack.Attacks} attack/control/baseline successes");
            Add(result, key, attack.Risk.Value, $"{method}; (attack − control) / (1 − control), {counts}");
            Add(result, key + ".lower", attack.Risk.Lower, "lower bound of the 95 % Wilson interval");
            Add(result, key + ".upper", attack.Risk.Upper, "upper bound of the 95 % Wilson interval");
        }

        return result.ToImmutable();
    }

    private static void Add(ImmutableArray<MeasuredRisk>.Builder result, string name, double value, string method)
    {
        if (double.IsFinite(value))
        {
            result.Add(new MeasuredRisk(name, value, method));
        }
    }
}

/// <summary>
/// What a release may carry beyond the standard files: more measured risks (attacks of a calibration) and more files
/// (the risk–utility table), plus the threshold and population size of the class-based risks every release records.
/// </summary>
public sealed record ReleaseExtras(ImmutableArray<MeasuredRisk> Risks, ImmutableArray<ReleaseExtraFile> Files, double RiskThreshold, long PopulationSize)
{
    /// <summary>No extra risk or file; records at risk above 0.09 (a class under 12), N = the SNDS population.</summary>
    public static ReleaseExtras None { get; } = new([], [], 0.09, ReleaseRisks.SndsPopulation);
}

/// <summary>A text file written into the release directory (hashed in the manifest like every other file).</summary>
public sealed record ReleaseExtraFile(string Path, string Text);
