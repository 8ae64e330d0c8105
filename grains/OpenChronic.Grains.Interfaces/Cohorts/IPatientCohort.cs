namespace OpenChronic.Grains;

/// <summary>Cohort evaluation on one patient grain.</summary>
[Alias("OpenChronic.IPatientCohort")]
public interface IPatientCohort : IGrainWithGuidKey
{
    /// <summary>
    /// Evaluates a cohort definition on this patient's timeline, pathway and profile; when the patient is a member
    /// and members are asked for, returns the member row with a pseudonym keyed for the release (never the grain key).
    /// </summary>
    [Alias("EvaluateCohort")]
    ValueTask<PatientCohortResult> EvaluateCohortAsync(CohortQuery query);
}
