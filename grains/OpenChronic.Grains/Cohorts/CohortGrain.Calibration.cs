using System.Text.Json;
using OpenChronic.Domain.Cohorts;
using OpenChronic.Domain.Privacy.Calibration;
using OpenChronic.Domain.Releases;
using OpenChronic.Ingestion.Releases;

namespace OpenChronic.Grains;

/// <summary>
/// Calibrated releases: the domain's <see cref="CohortCalibrator"/> chooses the policy on the gathered members and
/// builds the release; it is published and recorded exactly like <see cref="ReleaseAsync"/>'s, with the attack risks
/// and the risk–utility table (<c>calibration.csv</c>, <c>calibration.json</c>) added to it.
/// </summary>
public sealed partial class CohortGrain : ICohortCalibration
{
    public async ValueTask<CohortCalibrationReply> CalibrateAsync(CohortCalibrationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = this.GetPrimaryKeyString();
        if (state.State.DefinitionJson is not { } json || CohortDefinitionParser.Parse(json).Definition is not { } definition)
        {
            return Calibration(name, "the cohort is not defined", null);
        }

        var (basePolicy, error) = ReleasePolicy.Parse(request.PolicyJson);
        if (basePolicy is null)
        {
            return Calibration(name, "the policy is invalid: " + error, null);
        }

        var target = new CalibrationTarget(request.MaxHighestProsecutor, request.MaxAverageProsecutor, request.MaxAttackUpper);
        var number = state.State.Releases.Count == 0 ? 1 : state.State.Releases.Max(r => r.Number) + 1;
        var (persons, attrition, members) = await EvaluateAsync(definition, new CohortQuery(json, $"{name}/{number}", true));
        var earlier = await EarlierLedgersAsync(name);
        var options = CalibrationOptions.Default(request.Seed) with { PopulationSize = Math.Max(request.PopulationSize, members.Count) };
        if (!request.Ks.IsDefaultOrEmpty)
        {
            options = options with { Ks = request.Ks };
        }

        var calibration = CohortCalibrator.Run(name, number, members, basePolicy, earlier, target, options, CohortEvaluator.Default.RegionOf);
        if (calibration is not { Content: { } content, Policy: { } policy, Result: { } result, Input: { } input })
        {
            return Calibration(name, calibration.Refusal!, calibration);
        }

        var extras = new ReleaseExtras(calibration.AttackRisks,
            [new ReleaseExtraFile(CalibrationTable.CsvFile, CalibrationTable.Csv(result, input.Table)),
             new ReleaseExtraFile(CalibrationTable.JsonFile, CalibrationTable.Json(result, input.Table))],
            target.MaxHighestProsecutor, options.PopulationSize);
        var published = ReleaseWriter.Publish(request.OutputRoot, content, json, policy, time.GetUtcNow(), new ParquetReleaseTable(), extras);
        if (!published.Accepted)
        {
            return Calibration(name, published.Refusal!, calibration);
        }

        var summary = await RecordAsync(name, number, persons, attrition, policy, content, published);
        return new CohortCalibrationReply(summary, null, CalibrationTable.Csv(result, input.Table), PolicyText(policy));
    }

    private CohortCalibrationReply Calibration(string name, string reason, CohortCalibration? calibration)
    {
        LogRefused(logger, name, reason);
        var csv = calibration is { Result: { } result, Input: { } input } ? CalibrationTable.Csv(result, input.Table) : "";
        return new CohortCalibrationReply(null, reason, csv, calibration?.Policy is { } policy ? PolicyText(policy) : null);
    }

    private static string PolicyText(ReleasePolicy policy) => JsonSerializer.Serialize(policy, ReleasePolicy.JsonOptions);
}
