using System.Buffers.Binary;
using Microsoft.Extensions.DependencyInjection;
using OpenChronic.Domain.Cohorts;

namespace OpenChronic.Grains;

/// <summary>Cohort evaluation on the patient's resident timeline (no state change).</summary>
public sealed partial class PatientGrain : IPatientCohort
{
    public ValueTask<PatientCohortResult> EvaluateCohortAsync(CohortQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var definition = CohortWire.Definition(query.DefinitionJson);
        var events = _timeline!.Events;
        var pathway = deriver.Derive(events, definition.Years);
        var evaluator = ServiceProvider.GetService<CohortEvaluator>() ?? CohortEvaluator.Default;
        var evaluation = evaluator.Evaluate(definition, events, pathway, CohortWire.Person(state.State.Profile));
        if (evaluation.Member is not { } member || !query.IncludeMembers)
        {
            return ValueTask.FromResult(new PatientCohortResult(evaluation.FailedStep, null));
        }

        // Both keys are HMACs under the silo's secret: the pseudonym differs per release (rows of two releases cannot
        // be joined), the person hash is stable but stays in the grid (cross-release ledger).
        var secret = ServiceProvider.GetRequiredService<PseudonymKey>().Pseudonym;
        var key = this.GetPrimaryKey().ToString("N");
        var pseudonym = secret.Of($"release:{query.ReleaseSalt}:{key}");
        Span<byte> bytes = stackalloc byte[16];
        secret.Of($"ledger:{key}").TryWriteBytes(bytes);
        var personHash = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        return ValueTask.FromResult(new PatientCohortResult(-1, CohortWire.ToWire(member, pseudonym, personHash)));
    }
}
