namespace OpenChronic.Grains;

public sealed partial class PartitionGrain : IPartitionSequences
{
    private const int SequenceWave = 256;

    public async ValueTask<SequenceFigures> MeasureSequencesAsync()
    {
        var figures = SequenceFigures.Zero;
        foreach (var wave in _members.Chunk(SequenceWave))
        {
            var results = await Task.WhenAll(wave.Select(m => GrainFactory.GetGrain<IPatientSequences>(m).MeasureSequencesAsync().AsTask()));
            foreach (var r in results)
            {
                figures += r;
            }
        }

        return figures;
    }
}
