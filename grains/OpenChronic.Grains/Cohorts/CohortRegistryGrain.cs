using System.Collections.Immutable;

namespace OpenChronic.Grains;

/// <summary>The persisted list of cohort names.</summary>
public sealed class CohortRegistryGrain(
    [PersistentState("registry", "cohorts")] IPersistentState<CohortRegistryState> state) : Grain, ICohortRegistryGrain
{
    public async ValueTask RegisterAsync(string cohort)
    {
        ArgumentException.ThrowIfNullOrEmpty(cohort);
        var at = state.State.Names.BinarySearch(cohort, StringComparer.Ordinal);
        if (at < 0)
        {
            state.State.Names.Insert(~at, cohort);
            await state.WriteStateAsync();
        }
    }

    public ValueTask<ImmutableArray<string>> ListAsync() => ValueTask.FromResult<ImmutableArray<string>>([.. state.State.Names]);
}
