namespace OpenChronic.Analytics.Pathways;

/// <summary>A node of a sequence tree: a step label, the persons whose sequence passes through it, and the next steps.</summary>
public sealed record SequenceNode(string Label, long Persons, IReadOnlyList<SequenceNode> Children);

/// <summary>
/// Builds the tree of sequences (root → first step → second step …) from counts of persons per sequence, with small
/// cells protected: a node under <c>minCell</c> persons is folded into an "other" node of its level, and when that
/// "other" node would itself be under <c>minCell</c> (so that it could be recovered from its parent minus its shown
/// siblings) the smallest shown sibling is folded into it too. Every count shown is 0 or at least <c>minCell</c>.
/// </summary>
public static class SequenceTree
{
    /// <summary>Label of the folded node.</summary>
    public const string Other = "other";

    /// <summary>The tree of <paramref name="counts"/> (sequence key → persons, steps separated by <paramref name="separator"/>).</summary>
    public static SequenceNode Build(IReadOnlyDictionary<string, long> counts, char separator, int minCell, string rootLabel = "all")
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minCell);
        var paths = counts.Where(c => c.Value > 0).Select(c => (Steps: c.Key.Split(separator), Persons: c.Value)).ToList();
        var total = paths.Sum(p => p.Persons);
        return total < minCell
            ? new SequenceNode(rootLabel, 0, [])
            : new SequenceNode(rootLabel, total, Children(paths, 0, minCell));
    }

    private static List<SequenceNode> Children(List<(string[] Steps, long Persons)> paths, int depth, int minCell)
    {
        var groups = paths.Where(p => p.Steps.Length > depth)
            .GroupBy(p => p.Steps[depth], StringComparer.Ordinal)
            .Select(g => (Label: g.Key, Persons: g.Sum(p => p.Persons), Paths: g.ToList()))
            .OrderByDescending(g => g.Persons).ThenBy(g => g.Label, StringComparer.Ordinal)
            .ToList();
        var shown = groups.Where(g => g.Persons >= minCell).ToList();
        var folded = groups.Sum(g => g.Persons) - shown.Sum(g => g.Persons);
        while (folded is > 0 && folded < minCell && shown.Count > 0)
        {
            folded += shown[^1].Persons;
            shown.RemoveAt(shown.Count - 1);
        }

        var children = shown.Select(g => new SequenceNode(g.Label, g.Persons, Children(g.Paths, depth + 1, minCell))).ToList();
        if (folded >= minCell)
        {
            children.Add(new SequenceNode(Other, folded, []));
        }

        return children;
    }
}
