using System.Text.Json.Serialization;

namespace OpenChronic.Client.Commands;

/// <summary>One stage of the demo: its name, exit code and wall time.</summary>
internal sealed record StageResult(string Name, int ExitCode, double Seconds);

/// <summary>
/// The machine-readable summary of a demo run (<c>summary.json</c>): stages with their times, then the key figures of each
/// stage that ran (null or empty when the stage did not run or failed). Counts and aggregates only, no patient key.
/// </summary>
internal sealed record DemoSummary(
    int Patients,
    ulong Seed,
    string Years,
    bool Succeeded,
    double TotalSeconds,
    IReadOnlyList<StageResult> Stages,
    DemoData? Data,
    IReadOnlyList<DemoCohort> Cohorts,
    IReadOnlyList<DemoRelease> Releases,
    DemoPrediction? Prediction,
    DemoCoordination? Coordination,
    IReadOnlyList<DemoVariability> Variability);

/// <summary>The database built: persons, events, source rows read and rows rejected.</summary>
internal sealed record DemoData(long Persons, long Events, long SourceRows, long RejectedRows);

/// <summary>A cohort defined on the grid: its size after every attrition step.</summary>
internal sealed record DemoCohort(string Name, string Label, long Members);

/// <summary>
/// A calibrated release of a cohort (from its manifest): policy, achieved k, l and k^m, utility and measured risks;
/// or the refusal when no policy met the target.
/// </summary>
internal sealed record DemoRelease(
    string Cohort,
    int? Number,
    string? Policy,
    int? K,
    int? DistinctL,
    double? EntropyL,
    int? KmSupport,
    int? KmM,
    int? Published,
    int? Suppressed,
    double? UtilityKept,
    IReadOnlyDictionary<string, double> Risks,
    string? Refusal);

/// <summary>The prediction stage: target, years, models with their test metrics and the best AUC.</summary>
internal sealed record DemoPrediction(string Target, int TrainYear, int TestYear, IReadOnlyList<DemoModel> Models, string BestModel, double BestAuc);

/// <summary>A model's metrics on the test year.</summary>
internal sealed record DemoModel(string Name, double Auc, double AucLow, double AucHigh, double Auprc, double Brier, double CalibrationSlope);

/// <summary>The coordination stage: medians of the continuity indices and the post-discharge follow-up of the cohort.</summary>
internal sealed record DemoCoordination(
    string Cohort, int Year, int Territories, long Persons, long IndexStays, double CocMedian, double UpcMedian, double GpUpcMedian, double? GpWithin7Days, double? GpWithin30Days);

/// <summary>One variability indicator: units compared, overdispersion and units flagged beyond the 99.8 % limits.</summary>
internal sealed record DemoVariability(
    string Indicator, int Year, string By, int Units, int FlaggedExact998, int FlaggedOverdispersed998, double? Phi, double? Tau2);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(DemoSummary))]
internal sealed partial class DemoJson : JsonSerializerContext;
