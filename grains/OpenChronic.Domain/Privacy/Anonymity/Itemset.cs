namespace OpenChronic.Domain.Privacy.Anonymity;

/// <summary>A sorted combination of up to 4 item ids (unused places are -1), usable as a dictionary key.</summary>
internal readonly record struct Itemset(int A, int B, int C, int D)
{
    public const int MaxSize = 4;

    public static Itemset From(ReadOnlySpan<int> items) => new(
        items.Length > 0 ? items[0] : -1,
        items.Length > 1 ? items[1] : -1,
        items.Length > 2 ? items[2] : -1,
        items.Length > 3 ? items[3] : -1);

    public int Size => A < 0 ? 0 : B < 0 ? 1 : C < 0 ? 2 : D < 0 ? 3 : 4;

    public int this[int i] => i switch { 0 => A, 1 => B, 2 => C, _ => D };

    /// <summary>Calls <paramref name="visit"/> with every combination of <paramref name="size"/> items of a sorted set.</summary>
    public static void ForEachCombination(ReadOnlySpan<int> sorted, int size, Span<int> buffer, Action<Itemset> visit) =>
        Combine(sorted, size, 0, 0, buffer, visit);

    private static void Combine(ReadOnlySpan<int> sorted, int size, int start, int depth, Span<int> buffer, Action<Itemset> visit)
    {
        if (depth == size)
        {
            visit(From(buffer[..size]));
            return;
        }

        for (var i = start; i <= sorted.Length - (size - depth); i++)
        {
            buffer[depth] = sorted[i];
            Combine(sorted, size, i + 1, depth + 1, buffer, visit);
        }
    }
}
