using System.Collections.Immutable;

namespace OpenChronic.Domain.Cohorts;

/// <summary>
/// One inclusion (or, with <see cref="Exclude"/>, exclusion) criterion of a cohort definition. Criteria are applied
/// in order, so the attrition table counts the persons remaining after each.
/// </summary>
public abstract record CohortCriterion(string Name, bool Exclude);

/// <summary>A catalogue condition (<c>conditions.json</c> id) found in at least one of <paramref name="Years"/>.</summary>
public sealed record ConditionCriterion(string Name, bool Exclude, string ConditionId, ImmutableArray<int> Years)
    : CohortCriterion(Name, Exclude);

/// <summary>An ALD registration with one of <paramref name="Numbers"/> (any number when empty) active at some time between <paramref name="From"/> and <paramref name="To"/>.</summary>
public sealed record AldCriterion(string Name, bool Exclude, ImmutableArray<int> Numbers, DateOnly From, DateOnly To)
    : CohortCriterion(Name, Exclude);

/// <summary>
/// At least <paramref name="MinEvents"/> events between <paramref name="From"/> and <paramref name="To"/> whose code starts with
/// one of <paramref name="Prefixes"/>: hospital diagnoses (ICD-10), dispensations (ATC) or acts (CCAM).
/// </summary>
public sealed record CodeCriterion(string Name, bool Exclude, CodeSystem System, ImmutableArray<string> Prefixes, DateOnly From, DateOnly To, int MinEvents)
    : CohortCriterion(Name, Exclude);

/// <summary>Age in whole years at the index date, within [<paramref name="Min"/>, <paramref name="Max"/>] (either bound may be open).</summary>
public sealed record AgeCriterion(string Name, bool Exclude, int? Min, int? Max) : CohortCriterion(Name, Exclude);

/// <summary>Sex (<c>IR_SEX_V</c>: 1 man, 2 woman).</summary>
public sealed record SexCriterion(string Name, bool Exclude, byte Sex) : CohortCriterion(Name, Exclude);

/// <summary>Residence in one of the départements (<c>IR_DPT_V</c> codes) or régions (<c>GEO_REG_COD</c>) listed.</summary>
public sealed record TerritoryCriterion(string Name, bool Exclude, ImmutableArray<string> Departements, ImmutableArray<string> Regions)
    : CohortCriterion(Name, Exclude);

/// <summary>Alive on the index date (no death recorded before it).</summary>
public sealed record AliveCriterion(string Name, bool Exclude) : CohortCriterion(Name, Exclude);

/// <summary>The code systems a <see cref="CodeCriterion"/> reads.</summary>
public enum CodeSystem
{
    /// <summary>ICD-10 hospital diagnoses (DP, DR, DAS).</summary>
    Icd10,

    /// <summary>ATC codes of dispensations.</summary>
    Atc,

    /// <summary>CCAM acts (community or hospital).</summary>
    Ccam,
}
