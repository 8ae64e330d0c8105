using System.Collections.Immutable;

namespace OpenChronic.Domain.Cohorts;

/// <summary>
/// What a member contributes to a release, before anonymization (no identifier): the quasi-identifiers (age at the
/// index date, sex, département and commune of residence, index date), the sensitive attributes (other catalogue
/// conditions in the period, hospitalisation episodes and death during the follow-up) and the pathway summary: the
/// distinct hospital diagnoses (<c>icd:</c> + ICD-10) and dispensed drugs (<c>atc:</c> + ATC) of the follow-up.
/// </summary>
public sealed record CohortMember(
    int Age,
    byte Sex,
    string Departement,
    string Commune,
    DateOnly IndexDate,
    string Comorbidities,
    int HospitalEpisodes,
    bool Deceased,
    ImmutableArray<string> Codes);

/// <summary>
/// The outcome of evaluating a definition for one person: the attrition step at which the person dropped out
/// (0 = no index date, i = criterion i; -1 when the person is a member) and the member row when they are one.
/// </summary>
public readonly record struct CohortEvaluation(int FailedStep, CohortMember? Member)
{
    public bool IsMember => FailedStep < 0;
}
