namespace OpenChronic.Domain.Privacy.Risk;

/// <summary>
/// Re-identification risk of the records of a release under one attacker model (El Emam; ARX's
/// RiskModelSampleSummary): the highest and lowest record risk, the average risk, and the share of records
/// whose risk exceeds the threshold.
/// </summary>
public sealed record RiskSummary(double Highest, double Lowest, double Average, double RecordsAtRisk, double Threshold);
