using OpenChronic.Domain.Pathways;

namespace OpenChronic.Analytics.Prediction.Features;

/// <summary>Why a person is, or is not, in a task's population.</summary>
public enum TaskOutcome : byte
{
    /// <summary>In the population, without the outcome.</summary>
    Negative,

    /// <summary>In the population, with the outcome.</summary>
    Positive,

    /// <summary>No demographics (not observed in the beneficiary referential).</summary>
    NotObserved,

    /// <summary>Younger than the task's minimum age at index.</summary>
    TooYoung,

    /// <summary>Dead before index.</summary>
    DeadAtIndex,

    /// <summary>Registered for the target ALD before index.</summary>
    PriorOutcome,

    /// <summary>Died within the horizon without the outcome (no full time at risk).</summary>
    DiedWithoutOutcome,
}

/// <summary>Applies a <see cref="PredictionTask"/>'s population and outcome rules to one person's timeline.</summary>
public static class TaskEligibility
{
    /// <summary>Number of <see cref="TaskOutcome"/> values (for attrition tallies).</summary>
    public const int OutcomeCount = 7;

    /// <summary>Whether the person is in the population and, if so, whether the outcome occurs.</summary>
    public static TaskOutcome Evaluate(PredictionTask task, ReadOnlySpan<CareEvent> events, FeatureProfile? profile)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (profile is null)
        {
            return TaskOutcome.NotObserved;
        }

        if (AgeAtIndex(task, profile) < task.MinimumAge)
        {
            return TaskOutcome.TooYoung;
        }

        var index = task.IndexDay;
        var end = index + task.HorizonDays;
        int? death = profile.DeathDay;
        var outcome = false;
        foreach (ref readonly var e in events)
        {
            if (e.Kind == CareEventKind.Death)
            {
                death = death is { } d ? Math.Min(d, e.Day) : e.Day;
            }
            else if (e.Kind == CareEventKind.AldRegistration && task.Target.Matches((int)e.Value))
            {
                if (e.Day < index)
                {
                    return TaskOutcome.PriorOutcome;
                }

                outcome |= e.Day < end;
            }
        }

        if (death is { } dead && dead < index)
        {
            return TaskOutcome.DeadAtIndex;
        }

        if (outcome)
        {
            return TaskOutcome.Positive;
        }

        return death is { } died && died < end ? TaskOutcome.DiedWithoutOutcome : TaskOutcome.Negative;
    }

    /// <summary>Age in completed years on 1 January of the index year (birth assumed after 1 January).</summary>
    public static int AgeAtIndex(PredictionTask task, FeatureProfile profile)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(profile);
        return Math.Max(0, task.IndexYear - profile.BirthYear - 1);
    }
}
