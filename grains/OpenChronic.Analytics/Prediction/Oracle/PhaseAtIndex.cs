namespace OpenChronic.Analytics.Prediction.Oracle;

/// <summary>
/// A pre-clinical phase a person is in on the index date, from the generator's truth: its first day, the onset it
/// leads to, and the person's true risk of the ALD for the index year and for the year before (when the phase had not
/// begun: the generator's risk from the person's own hazard).
/// </summary>
public readonly record struct PhaseAtIndex(int Ald, int StartDay, int OnsetDay, float Risk, float PreviousRisk);
