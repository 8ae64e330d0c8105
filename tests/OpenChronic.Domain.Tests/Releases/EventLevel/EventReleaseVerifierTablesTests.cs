using OpenChronic.Domain.Releases.EventLevel;

namespace OpenChronic.Domain.Tests.Releases.EventLevel;

public sealed class EventReleaseVerifierTablesTests
{
    private static List<string> Check(string csv, string gate)
    {
        var path = Path.Combine(Path.GetTempPath(), "oc-tables-" + Guid.NewGuid().ToString("N") + ".csv");
        try
        {
            File.WriteAllText(path, "territory,table,column,persons\n" + csv);
            var problems = new List<string>();
            EventReleaseVerifier.CheckTables(path, new EventReleasePolicy { TableGate = gate }, problems);
            return problems;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private const string Consistent = "75,stay,yes,3\n75,stay,no,9\n75,stay,total,12\n92,stay,yes,0\n92,stay,no,4\n92,stay,total,4\nFR,stay,yes,3\nFR,stay,no,13\nFR,stay,total,16\n";

    [Fact]
    public void CheckTables_DpGateConsistentSums_Passes() => Assert.Empty(Check(Consistent, "dp"));

    [Fact]
    public void CheckTables_DpGateSmallCountsUnderSuppressionGate_AreReported() => Assert.Equal(5, Check(Consistent, "suppression").Count);

    [Fact]
    public void CheckTables_DpGateTotalOrNationalNotTheSum_IsReported()
    {
        var problems = Check(Consistent.Replace("75,stay,total,12", "75,stay,total,13", StringComparison.Ordinal), "dp");

        Assert.Contains(problems, p => p.Contains("total of stay in 75", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("national stay / total", StringComparison.Ordinal));
    }

    [Fact]
    public void CheckTables_DpGateEmptyCell_IsReported() =>
        Assert.Contains(Check(Consistent.Replace("92,stay,no,4", "92,stay,no,", StringComparison.Ordinal), "dp"), p => p.Contains("row 6", StringComparison.Ordinal));
}
