namespace OpenChronic.Synthetic;

/// <summary>Progress of a generation: persons written so far out of the total.</summary>
/// <param name="Done">Persons whose rows have been appended.</param>
/// <param name="Total">Persons to generate.</param>
public readonly record struct SynthProgress(int Done, int Total);

/// <summary>What a generation wrote.</summary>
/// <param name="Persons">Persons generated.</param>
/// <param name="Rows">Rows per table (DCIR and PMSI tables summed over their partitions; truth tables as <c>truth/name</c>).</param>
/// <param name="Elapsed">Wall-clock time of the generation.</param>
public sealed record SynthResult(int Persons, IReadOnlyDictionary<string, long> Rows, TimeSpan Elapsed);
