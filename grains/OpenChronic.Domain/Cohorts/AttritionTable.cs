using System.Collections.Immutable;

namespace OpenChronic.Domain.Cohorts;

/// <summary>One line of an attrition table: the step, the persons still in the cohort after it and those it removed.</summary>
public readonly record struct AttritionStep(string Name, long Remaining, long Removed);

/// <summary>
/// Persons remaining after each step of a cohort definition (index date, then each criterion in order), starting
/// from every person of the database. For the analyst inside the secure environment: counts are exact and small
/// counts are not suppressed, so an attrition table is not a publication.
/// </summary>
public sealed record AttritionTable(long Persons, ImmutableArray<AttritionStep> Steps)
{
    /// <summary>Members at the end (the last step's remaining count).</summary>
    public long Members => Steps.IsEmpty ? Persons : Steps[^1].Remaining;

    /// <summary>The table from the number of persons and the number who dropped out at each step.</summary>
    public static AttritionTable From(IReadOnlyList<string> stepNames, long persons, IReadOnlyList<long> failedAtStep)
    {
        ArgumentNullException.ThrowIfNull(stepNames);
        ArgumentNullException.ThrowIfNull(failedAtStep);
        if (stepNames.Count != failedAtStep.Count)
        {
            throw new ArgumentException("One count per step is needed.", nameof(failedAtStep));
        }

        var steps = ImmutableArray.CreateBuilder<AttritionStep>(stepNames.Count);
        var remaining = persons;
        for (var i = 0; i < stepNames.Count; i++)
        {
            remaining -= failedAtStep[i];
            steps.Add(new AttritionStep(stepNames[i], remaining, failedAtStep[i]));
        }

        return new AttritionTable(persons, steps.MoveToImmutable());
    }
}
