using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OpenChronic.Domain.Cohorts;
using OpenChronic.Domain.Releases;
using OpenChronic.Ingestion.Releases;

namespace OpenChronic.Grains;

/// <summary>
/// A named cohort: records its definition and attrition, and publishes releases. Members are gathered from the
/// partitions (which ask their patients), the policy is applied by the domain's <see cref="ReleaseBuilder"/>, the
/// files are written and independently verified by <see cref="ReleaseWriter"/> before they are moved into place; only
/// then is the release recorded. Patient keys never leave the grid: rows carry per-release pseudonyms.
/// </summary>
public sealed partial class CohortGrain(
    [PersistentState("cohort", "cohorts")] IPersistentState<CohortState> state,
    TimeProvider time,
    ILogger<CohortGrain> logger) : Grain, ICohortGrain
{
    public async ValueTask<CohortDefineReply> DefineAsync(string definitionJson)
    {
        ArgumentNullException.ThrowIfNull(definitionJson);
        var parsed = CohortDefinitionParser.Parse(definitionJson);
        if (parsed.Definition is not { } definition)
        {
            return new CohortDefineReply(null, parsed.Error);
        }

        if (definition.Name != this.GetPrimaryKeyString())
        {
            return new CohortDefineReply(null, $"the definition is named '{definition.Name}', not '{this.GetPrimaryKeyString()}'");
        }

        if (state.State.Releases.Count > 0 && state.State.DefinitionJson != definitionJson)
        {
            return new CohortDefineReply(null, "the cohort has releases; its definition can no longer change (define a new cohort)");
        }

        var (persons, attrition, _) = await EvaluateAsync(definition, new CohortQuery(definitionJson, "", false));
        state.State.DefinitionJson = definitionJson;
        state.State.Label = definition.Label;
        state.State.Persons = persons;
        state.State.Attrition = attrition;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ICohortRegistryGrain>(0).RegisterAsync(definition.Name);
        return new CohortDefineReply(Info(), null);
    }

    public async ValueTask<CohortDefineReply> RestoreAsync(string definitionJson, ImmutableArray<ReleaseSummary> releases)
    {
        var reply = await DefineAsync(definitionJson);
        if (reply.Cohort is null || releases.IsDefaultOrEmpty || state.State.Releases.Count > 0)
        {
            return reply;
        }

        var definition = CohortDefinitionParser.Parse(definitionJson).Definition!;
        var (_, _, members) = await EvaluateAsync(definition, new CohortQuery(definitionJson, "restore", true));
        state.State.Releases.AddRange(releases.OrderBy(r => r.Number));
        state.State.Ledgers.Add(CohortWire.ToWire(ReleaseBuilder.Ledger(members)));
        await state.WriteStateAsync();
        return new CohortDefineReply(Info(), null);
    }

    public ValueTask<CohortInfo?> GetInfoAsync() => ValueTask.FromResult(state.State.DefinitionJson is null ? null : Info());

    public ValueTask<ImmutableArray<ReleaseLedgerWire>> GetLedgersAsync() => ValueTask.FromResult<ImmutableArray<ReleaseLedgerWire>>([.. state.State.Ledgers]);

    public async ValueTask<ReleaseReply> ReleaseAsync(ReleaseRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = this.GetPrimaryKeyString();
        if (state.State.DefinitionJson is not { } json || CohortDefinitionParser.Parse(json).Definition is not { } definition)
        {
            return Refused(name, "the cohort is not defined");
        }

        var (policy, error) = ReleasePolicy.Parse(request.PolicyJson);
        if (policy is null)
        {
            return Refused(name, "the policy is invalid: " + error);
        }

        var number = state.State.Releases.Count == 0 ? 1 : state.State.Releases.Max(r => r.Number) + 1;
        var (persons, attrition, members) = await EvaluateAsync(definition, new CohortQuery(json, $"{name}/{number}", true));
        var earlier = await EarlierLedgersAsync(name);
        var build = ReleaseBuilder.Build(name, number, members, policy, earlier, CohortEvaluator.Default.RegionOf);
        if (build.Content is not { } content)
        {
            return Refused(name, build.Refusal!);
        }

        var published = ReleaseWriter.Publish(request.OutputRoot, content, json, policy, time.GetUtcNow(), new ParquetReleaseTable());
        if (!published.Accepted)
        {
            return Refused(name, published.Refusal!);
        }

        return new ReleaseReply(await RecordAsync(name, number, persons, attrition, policy, content, published), null);
    }

    // Records a published release: summary, last attrition and the ledger later releases are checked against.
    private async Task<ReleaseSummary> RecordAsync(string name, int number, long persons, ImmutableArray<AttritionStepWire> attrition,
        ReleasePolicy policy, ReleaseContent content, ReleasePublishResult published)
    {
        var manifest = published.Manifest!;
        var summary = new ReleaseSummary(number, published.Directory!, policy.Name, manifest.Created, manifest.PublishedRecords,
            manifest.SuppressedRecords, manifest.Achieved.K);
        state.State.Persons = persons;
        state.State.Attrition = attrition;
        state.State.Releases.Add(summary);
        state.State.Ledgers.Add(CohortWire.ToWire(content.Ledger));
        await state.WriteStateAsync();
        LogReleased(logger, name, number, manifest.PublishedRecords);
        return summary;
    }

    private async Task<(long Persons, ImmutableArray<AttritionStepWire> Attrition, List<ReleaseMember> Members)> EvaluateAsync(
        CohortDefinition definition, CohortQuery query)
    {
        var results = await Task.WhenAll(Enumerable.Range(0, Partitions.Count)
            .Select(p => GrainFactory.GetGrain<IPartitionCohort>(p).EvaluateCohortAsync(query).AsTask()));
        var names = definition.StepNames;
        var failed = new long[names.Length];
        var members = new List<ReleaseMember>();
        long persons = 0;
        foreach (var r in results)
        {
            persons += r.Persons;
            for (var i = 0; i < failed.Length; i++)
            {
                failed[i] += r.FailedAtStep[i];
            }

            members.AddRange(r.Members.Select(CohortWire.ToRelease));
        }

        var table = AttritionTable.From(names, persons, failed);
        return (persons, [.. table.Steps.Select(s => new AttritionStepWire(s.Name, s.Remaining, s.Removed))], members);
    }

    // Every earlier release of every cohort: differencing with any of them must not reveal a small count.
    private async Task<List<ReleaseLedger>> EarlierLedgersAsync(string name)
    {
        var ledgers = state.State.Ledgers.Select(CohortWire.ToLedger).ToList();
        foreach (var other in await GrainFactory.GetGrain<ICohortRegistryGrain>(0).ListAsync())
        {
            if (other != name)
            {
                ledgers.AddRange((await GrainFactory.GetGrain<ICohortGrain>(other).GetLedgersAsync()).Select(CohortWire.ToLedger));
            }
        }

        return ledgers;
    }

    private CohortInfo Info() => new(this.GetPrimaryKeyString(), state.State.Label, state.State.DefinitionJson ?? "", state.State.Persons,
        state.State.Attrition, [.. state.State.Releases]);

    private ReleaseReply Refused(string name, string reason)
    {
        LogRefused(logger, name, reason);
        return new ReleaseReply(null, reason);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cohort {Cohort}: release {Number} published ({Records} records).")]
    private static partial void LogReleased(ILogger logger, string cohort, int number, int records);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cohort {Cohort}: release refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string cohort, string reason);
}
