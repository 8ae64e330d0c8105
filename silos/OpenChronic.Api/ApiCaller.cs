using OpenChronic.Api.Keys;

namespace OpenChronic.Api;

/// <summary>Who is calling (set by the pipeline once the key is checked) and what the call spent, for the audit log.</summary>
internal sealed class ApiCaller
{
    public ApiKeyRecord? Key { get; set; }

    public double BudgetSpent { get; set; }

    public string Outcome { get; set; } = "";
}
