using System.Collections.Immutable;

namespace OpenChronic.Grains;

/// <summary>Persisted state of a cohort grain: definition, last attrition table, and the releases with their ledgers.</summary>
[GenerateSerializer, Alias("OpenChronic.CohortState")]
public sealed class CohortState
{
    [Id(0)]
    public string? DefinitionJson { get; set; }

    [Id(1)]
    public string Label { get; set; } = "";

    [Id(2)]
    public long Persons { get; set; }

    [Id(3)]
    public ImmutableArray<AttritionStepWire> Attrition { get; set; } = [];

    [Id(4)]
    public List<ReleaseSummary> Releases { get; set; } = [];

    [Id(5)]
    public List<ReleaseLedgerWire> Ledgers { get; set; } = [];
}

/// <summary>Persisted list of cohort names (registry grain).</summary>
[GenerateSerializer, Alias("OpenChronic.CohortRegistryState")]
public sealed class CohortRegistryState
{
    [Id(0)]
    public List<string> Names { get; set; } = [];
}
