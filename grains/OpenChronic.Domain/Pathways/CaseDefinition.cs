using System.Collections.Immutable;

namespace OpenChronic.Domain.Pathways;

/// <summary>
/// How a chronic condition is recognised in claims for a year N, in the manner of the CNAM
/// "cartographie des pathologies": an active ALD registration, OR hospital diagnoses within a lookback,
/// OR enough dispensation dates of specific drugs in N, OR specific acts. The catalogue is data
/// (<c>conditions.json</c>), so an analyst adds a condition without code.
/// </summary>
/// <param name="Id">Stable identifier, e.g. <c>diabetes</c>.</param>
/// <param name="Label">Human label.</param>
/// <param name="Ald">ALD rule, or null.</param>
/// <param name="Hospital">Hospital diagnosis rules (any may match).</param>
/// <param name="Drugs">Dispensation rule, or null.</param>
/// <param name="Acts">Act rule, or null.</param>
/// <param name="TreatmentAtc">ATC prefixes of the drugs whose eras and lines describe the treatment of the condition (empty: none).</param>
public sealed record CaseDefinition(
    string Id,
    string Label,
    AldRule? Ald,
    ImmutableArray<DiagnosisRule> Hospital,
    DrugRule? Drugs,
    ActRule? Acts,
    ImmutableArray<string> TreatmentAtc);

/// <summary>
/// An ALD registration active at some time in year N with one of <paramref name="Numbers"/>; when
/// <paramref name="IcdPrefixes"/> is not empty, the registration's ICD-10 must also start with one of them
/// (ALD 5 covers heart failure but also arrhythmias and valve disease).
/// </summary>
public sealed record AldRule(ImmutableArray<int> Numbers, ImmutableArray<string> IcdPrefixes);

/// <summary>
/// A hospital diagnosis starting with one of <paramref name="IcdPrefixes"/> (none of <paramref name="ExcludedPrefixes"/>),
/// coded in one of <paramref name="Positions"/>, in year N or up to <paramref name="LookbackYears"/> years before.
/// </summary>
public sealed record DiagnosisRule(
    ImmutableArray<string> IcdPrefixes,
    ImmutableArray<string> ExcludedPrefixes,
    DiagnosisPosition Positions,
    int LookbackYears);

/// <summary>
/// At least <paramref name="MinDates"/> distinct dispensation dates in year N of drugs whose ATC starts with one of
/// <paramref name="AtcPrefixes"/>, or <paramref name="MinDatesWithLargePack"/> when one of them is a large pack.
/// </summary>
public sealed record DrugRule(ImmutableArray<string> AtcPrefixes, int MinDates, int MinDatesWithLargePack);

/// <summary>An act whose CCAM code starts with one of <paramref name="CcamPrefixes"/>, in N or up to <paramref name="LookbackYears"/> before.</summary>
public sealed record ActRule(ImmutableArray<string> CcamPrefixes, int LookbackYears);
