namespace OpenChronic.Analytics.Pathways;

/// <summary>A flow of persons from one setting in period <c>Period</c> to a setting in the next period.</summary>
public sealed record SettingFlow(int Period, string From, string To, long Persons);

/// <summary>
/// The flows between consecutive periods of care-setting sequences (<see cref="PathwayPatterns.SettingSequence"/>), for
/// a Sankey diagram. Flows under <c>minCell</c> persons are not returned; node sizes are to be drawn from the flows
/// returned only, so that nothing hidden can be recovered by difference.
/// </summary>
public static class SettingFlows
{
    public static IReadOnlyList<SettingFlow> Build(IReadOnlyDictionary<string, long> sequences, char separator, int minCell)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minCell);
        var flows = new Dictionary<(int, string, string), long>();
        foreach (var (key, persons) in sequences)
        {
            var steps = key.Split(separator);
            for (var p = 0; p + 1 < steps.Length; p++)
            {
                var k = (p, steps[p], steps[p + 1]);
                flows[k] = flows.GetValueOrDefault(k) + persons;
            }
        }

        return [.. flows.Where(f => f.Value >= minCell)
            .Select(f => new SettingFlow(f.Key.Item1, f.Key.Item2, f.Key.Item3, f.Value))
            .OrderBy(f => f.Period).ThenBy(f => f.From, StringComparer.Ordinal).ThenBy(f => f.To, StringComparer.Ordinal)];
    }
}
