using System.Collections.Immutable;

namespace OpenChronic.Domain.Pathways;

/// <summary>What Open Chronic derives from one patient's timeline.</summary>
/// <param name="Conditions">Conditions found per year, with the rules that found them.</param>
/// <param name="AldEpisodes">ALD episodes.</param>
/// <param name="TreatmentLines">Treatment lines of each condition that names treatment drugs (condition id, line).</param>
/// <param name="HospitalEpisodes">Hospitalisation episodes with post-discharge contacts.</param>
public sealed record PatientPathway(
    ImmutableArray<ConditionYear> Conditions,
    ImmutableArray<AldEpisode> AldEpisodes,
    ImmutableArray<(string ConditionId, TreatmentLine Line)> TreatmentLines,
    ImmutableArray<HospitalEpisode> HospitalEpisodes);
