using System.Collections.Immutable;

namespace OpenChronic.Grains;

/// <summary>Cohort evaluation over the partition's members, in waves, merged into one answer.</summary>
public sealed partial class PartitionGrain : IPartitionCohort
{
    private const int CohortWave = 256;

    public async ValueTask<PartitionCohortResult> EvaluateCohortAsync(CohortQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var steps = CohortWire.Definition(query.DefinitionJson).StepNames.Length;
        var failed = new long[steps];
        var members = ImmutableArray.CreateBuilder<CohortMemberWire>();
        var patients = _members.Order().ToArray();
        for (var start = 0; start < patients.Length; start += CohortWave)
        {
            var wave = patients.AsSpan(start, Math.Min(CohortWave, patients.Length - start)).ToArray();
            var results = await Task.WhenAll(wave.Select(p => GrainFactory.GetGrain<IPatientCohort>(p).EvaluateCohortAsync(query).AsTask()));
            foreach (var r in results)
            {
                if (r.FailedStep >= 0)
                {
                    failed[r.FailedStep]++;
                }
                else if (r.Member is { } m)
                {
                    members.Add(m);
                }
            }
        }

        return new PartitionCohortResult(patients.Length, [.. failed], members.ToImmutable());
    }
}
