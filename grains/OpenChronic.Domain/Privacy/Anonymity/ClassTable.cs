namespace OpenChronic.Domain.Privacy.Anonymity;

/// <summary>
/// The groups of a full-domain recoding: one entry per distinct generalized tuple, or, when the table carries a
/// sensitive attribute, one entry per (equivalence class, sensitive value) cell with <see cref="ClassOf"/> naming
/// its class. Column-wise: the generalized code of each quasi-identifier, the size, the sensitive code.
/// </summary>
internal sealed class ClassTable(int[] levels, int count, int[][] codes, int[] sizes, int[]? sensitive, int[]? classOf, int classCount)
{
    public int[] Levels { get; } = levels;

    /// <summary>Number of entries.</summary>
    public int Count { get; } = count;

    /// <summary>[column][entry] code at the column's level.</summary>
    public int[][] Codes { get; } = codes;

    public int[] Sizes { get; } = sizes;

    public int[]? Sensitive { get; } = sensitive;

    /// <summary>Class of each entry (null: entries are the classes).</summary>
    public int[]? ClassOf { get; } = classOf;

    public int ClassCount { get; } = classCount;
}
