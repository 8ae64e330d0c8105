using System.Collections.Immutable;

namespace OpenChronic.Synthetic.Model;

/// <summary>
/// The parameters of one simulated chronic condition: how common it is by age and sex, how often it starts,
/// how it leads to an ALD registration, and the care it generates.
/// </summary>
/// <param name="Ald">ALD number (IR_ALD_V).</param>
/// <param name="Name">Short English name.</param>
/// <param name="Prevalence65">Prevalence at age 65 for women before any other multiplier.</param>
/// <param name="AgeSlope">Log-multiplier of prevalence per 10 years of age.</param>
/// <param name="MinAge">No onset before this age.</param>
/// <param name="MaleRatio">Risk multiplier for men.</param>
/// <param name="IncidenceRatio">Annual incidence as a fraction of the age-specific prevalence.</param>
/// <param name="RegisterProbability">Probability that a new case is registered in ALD.</param>
/// <param name="LagMeanMonths">Mean of the exponential delay from onset to ALD registration, in months.</param>
/// <param name="Mortality">Multiplier of the annual death probability while the condition is present.</param>
/// <param name="AldCodes">ICD-10 codes (IR_CIM_V, mapped to this ALD) written in MED_MTF_COD.</param>
/// <param name="StayCodes">ICD-10 principal diagnoses of the condition's hospital stays.</param>
/// <param name="Ghm">GHM root (5 characters) of the condition's stays; the severity digit is added.</param>
/// <param name="Atc">ATC prefixes of the long-term treatment, one presentation of each drawn per patient.</param>
/// <param name="Specialty">PSE_SPE_COD of the specialist who follows the condition.</param>
/// <param name="SpecialistVisits">Specialist visits per year.</param>
/// <param name="StaysPerYear">Hospital stays per year for the condition.</param>
/// <param name="Biology">NABM codes of the condition's follow-up tests.</param>
/// <param name="BiologyPerYear">Follow-up tests per year (before département effects).</param>
public sealed record ConditionProfile(
    int Ald,
    string Name,
    double Prevalence65,
    double AgeSlope,
    int MinAge,
    double MaleRatio,
    double IncidenceRatio,
    double RegisterProbability,
    double LagMeanMonths,
    double Mortality,
    ImmutableArray<string> AldCodes,
    ImmutableArray<string> StayCodes,
    string Ghm,
    ImmutableArray<string> Atc,
    int Specialty,
    double SpecialistVisits,
    double StaysPerYear,
    ImmutableArray<int> Biology,
    double BiologyPerYear)
{
    /// <summary>
    /// Length in days of the pre-clinical phase that precedes onset: from its first day the person is bound to the
    /// onset that ends it, and the care of these months carries the announcing signals (tests, GP visits).
    /// </summary>
    public int PreclinicalDays { get; init; } = 270;

    /// <summary>Age- and sex-specific prevalence before frailty, territory and comorbidity multipliers.</summary>
    public double PrevalenceAt(int age, bool male)
    {
        if (age < MinAge)
        {
            return 0;
        }

        var p = Prevalence65 * Math.Exp(AgeSlope * (age - 65) / 10.0) * (male ? MaleRatio : 1.0);
        return Math.Min(p, 0.45);
    }
}
