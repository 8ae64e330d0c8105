namespace OpenChronic.Grains;

/// <summary>The partition's part in a build: committing its member patients for the ingest job.</summary>
public sealed partial class PartitionGrain : IPartitionBuild
{
    private const int CommitWave = 256;

    public async ValueTask<int> CommitMembersAsync()
    {
        var members = _members.ToArray();
        var written = 0;
        var wave = new List<Task<bool>>(CommitWave);
        for (var start = 0; start < members.Length; start += CommitWave)
        {
            wave.Clear();
            for (var i = start; i < Math.Min(members.Length, start + CommitWave); i++)
            {
                wave.Add(GrainFactory.GetGrain<IPatientGrain>(members[i]).CommitAsync().AsTask());
            }

            foreach (var done in await Task.WhenAll(wave))
            {
                written += done ? 1 : 0;
            }
        }

        return written;
    }
}
