using System.Collections.Immutable;

namespace OpenChronic.Domain.Cohorts;

/// <summary>How a member's index date (time zero of the follow-up) is chosen.</summary>
public enum IndexDateRule
{
    /// <summary>The start of the first ALD registration with one of the listed numbers, on or before the end of the period.</summary>
    FirstAld,

    /// <summary>The first event in the period that satisfies an inclusion criterion on conditions, ALD or codes.</summary>
    FirstQualifyingEvent,

    /// <summary>1 January of a given year.</summary>
    YearStart,
}

/// <summary>The index-date rule of a cohort and its parameters (<paramref name="AldNumbers"/> for <see cref="IndexDateRule.FirstAld"/>, <paramref name="Year"/> for <see cref="IndexDateRule.YearStart"/>).</summary>
public sealed record CohortIndex(IndexDateRule Rule, ImmutableArray<int> AldNumbers, int Year)
{
    /// <summary>A readable description, used as the first line of the attrition table.</summary>
    public string Describe() => Rule switch
    {
        IndexDateRule.FirstAld => AldNumbers.IsEmpty ? "index date: first ALD registration" : $"index date: first ALD {string.Join("/", AldNumbers)} registration",
        IndexDateRule.FirstQualifyingEvent => "index date: first qualifying event in the period",
        _ => $"index date: 1 January {Year}",
    };
}
