using System.Collections.Immutable;

namespace OpenChronic.Domain.Cohorts;

/// <summary>
/// A cohort: who belongs to it (criteria applied in order over a study period), from when (the index-date rule)
/// and how long each member is followed (<see cref="FollowUpDays"/> from the index date). Definitions are JSON
/// (<see cref="CohortDefinitionParser"/>, docs/cohorts.md); <see cref="Source"/> keeps the text they were read from.
/// </summary>
public sealed record CohortDefinition(
    string Name,
    string Label,
    DateOnly From,
    DateOnly To,
    CohortIndex Index,
    int FollowUpDays,
    ImmutableArray<CohortCriterion> Criteria,
    string Source)
{
    /// <summary>
    /// The years pathways must be derived for: those of the period and of every condition criterion, sorted.
    /// </summary>
    public ImmutableArray<int> Years
    {
        get
        {
            var years = new SortedSet<int>();
            for (var y = From.Year; y <= To.Year; y++)
            {
                years.Add(y);
            }

            foreach (var c in Criteria.OfType<ConditionCriterion>())
            {
                years.UnionWith(c.Years);
            }

            return [.. years];
        }
    }

    /// <summary>The names of the attrition steps: the index date first, then each criterion.</summary>
    public ImmutableArray<string> StepNames => [Index.Describe(), .. Criteria.Select(c => c.Exclude ? "exclude: " + c.Name : c.Name)];
}
