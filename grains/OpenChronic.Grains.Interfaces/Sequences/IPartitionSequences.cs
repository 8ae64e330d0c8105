namespace OpenChronic.Grains;

/// <summary>The sequence measures of a partition's patients, summed inside the grid (no patient key leaves it).</summary>
[Alias("OpenChronic.IPartitionSequences")]
public interface IPartitionSequences : IGrainWithIntegerKey
{
    [Alias("MeasureSequences")]
    ValueTask<SequenceFigures> MeasureSequencesAsync();
}
