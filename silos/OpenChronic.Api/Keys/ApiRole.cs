namespace OpenChronic.Api.Keys;

/// <summary>What a key may do.</summary>
public enum ApiRole
{
    /// <summary>Agencies: the cohorts in their scopes only; differentially private queries charged to their budget.</summary>
    Agency,

    /// <summary>Analysts: every cohort's releases and queries.</summary>
    Analyst,

    /// <summary>Operators: everything an analyst may do, plus the audit log.</summary>
    Operator,
}
