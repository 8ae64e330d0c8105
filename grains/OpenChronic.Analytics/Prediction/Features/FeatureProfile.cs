namespace OpenChronic.Analytics.Prediction.Features;

/// <summary>The demographics feature extraction needs (no identifier).</summary>
/// <param name="Sex">1 man, 2 woman, 0 unknown.</param>
/// <param name="BirthYear">Year of birth.</param>
/// <param name="Departement">Département of residence (IR_DPT_V code).</param>
/// <param name="DeathDay">Day number of death, or null.</param>
public sealed record FeatureProfile(byte Sex, int BirthYear, string Departement, int? DeathDay);
