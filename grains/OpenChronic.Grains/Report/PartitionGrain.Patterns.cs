namespace OpenChronic.Grains;

public sealed partial class PartitionGrain : IPartitionPatterns
{
    private const int PatternWave = 256;

    public async ValueTask<PatternCounts> CountPatternsAsync(PatternRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var counts = PatternCounts.Empty();
        var members = _members.Order().ToArray();
        foreach (var wave in members.Chunk(PatternWave))
        {
            var results = await Task.WhenAll(wave.Select(m => GrainFactory.GetGrain<IPatientPatterns>(m).GetPatternsAsync(request).AsTask()));
            foreach (var r in results)
            {
                counts.Add(r);
            }
        }

        return counts with { Patients = members.Length };
    }
}
