using System.Collections.Immutable;

namespace OpenChronic.Domain.Pathways;

/// <summary>
/// A continuous ALD exoneration for one ALD number: registrations of that number that overlap or follow each other
/// without a day's gap are one episode. <see cref="End"/> is null while open (IR_IMB_R end dates before 1700, such as
/// 1600-01-01, mean "no end").
/// </summary>
public readonly record struct AldEpisode(int AldNumber, string Icd10, DateOnly Start, DateOnly? End)
{
    /// <summary>True when the episode covers <paramref name="date"/>.</summary>
    public bool IsActiveOn(DateOnly date) => Start <= date && (End is not { } e || e >= date);
}

/// <summary>Builds ALD episodes from registration events.</summary>
public static class AldEpisodeBuilder
{
    /// <summary>Episodes from (ALD number, ICD-10, start, end) registrations, sorted by ALD number then start.</summary>
    public static ImmutableArray<AldEpisode> Build(IEnumerable<(int AldNumber, string Icd10, DateOnly Start, DateOnly? End)> registrations)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        if (registrations is IReadOnlyCollection<(int, string, DateOnly, DateOnly?)> { Count: 0 })
        {
            // Most patients: no registration, no grouping machinery.
            return [];
        }

        var episodes = ImmutableArray.CreateBuilder<AldEpisode>();
        foreach (var group in registrations
                     .Select(r => r with { End = r.End is { Year: < 1700 } ? null : r.End })
                     .GroupBy(r => r.AldNumber)
                     .OrderBy(g => g.Key))
        {
            AldEpisode? current = null;
            foreach (var r in group.OrderBy(r => r.Start).ThenBy(r => r.Icd10, StringComparer.Ordinal))
            {
                if (current is { } c && (c.End is not { } end || r.Start.DayNumber <= end.DayNumber + 1))
                {
                    var merged = c.End is null || r.End is null ? (DateOnly?)null : (r.End > c.End ? r.End : c.End);
                    current = c with { End = merged };
                    continue;
                }

                if (current is { } done)
                {
                    episodes.Add(done);
                }

                current = new AldEpisode(r.AldNumber, r.Icd10, r.Start, r.End);
            }

            if (current is { } last)
            {
                episodes.Add(last);
            }
        }

        return episodes.ToImmutable();
    }
}
