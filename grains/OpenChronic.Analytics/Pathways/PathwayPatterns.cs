using OpenChronic.Domain.Pathways;

namespace OpenChronic.Analytics.Pathways;

/// <summary>
/// One patient's contribution to the pathway figures: the sequence of treatment regimens of each condition (first
/// <see cref="MaxLines"/> lines) and the care settings around ALD entry. Keys are texts without any identifier.
/// </summary>
public static class PathwayPatterns
{
    /// <summary>Lines kept in a treatment sequence; later lines are summarised as "…".</summary>
    public const int MaxLines = 3;

    /// <summary>Separator between the steps of a sequence key.</summary>
    public const char Step = '>';

    /// <summary>Treatment sequence keys of a pathway: <c>condition&gt;line1&gt;line2&gt;line3</c>, one per condition.</summary>
    public static IEnumerable<string> TreatmentSequences(PatientPathway pathway)
    {
        ArgumentNullException.ThrowIfNull(pathway);
        foreach (var group in pathway.TreatmentLines.GroupBy(l => l.ConditionId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var lines = group.OrderBy(l => l.Line.Number).Select(l => l.Line.Regimen).ToList();
            var steps = lines.Take(MaxLines).ToList();
            if (lines.Count > MaxLines)
            {
                steps[^1] += " …";
            }

            yield return group.Key + Step + string.Join(Step, steps);
        }
    }

    /// <summary>Care-setting key around ALD entry (<c>GP&gt;hospital&gt;…</c>), or null when the patient does not qualify.</summary>
    public static string? SettingSequence(ReadOnlySpan<CareEvent> timeline, PatientPathway pathway, int? deathDay, DateOnly observedFrom, DateOnly observedTo)
    {
        ArgumentNullException.ThrowIfNull(pathway);
        DateOnly? entry = pathway.AldEpisodes.IsDefaultOrEmpty ? null : pathway.AldEpisodes.Min(e => e.Start);
        var settings = CareSettingPeriods.Around(timeline, entry, deathDay, observedFrom, observedTo);
        return settings is null ? null : string.Join(Step, settings.Select(CareSettingPeriods.Label));
    }
}
