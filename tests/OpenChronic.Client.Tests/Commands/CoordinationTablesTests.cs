using OpenChronic.Analytics.Coordination;
using OpenChronic.Client.Commands;

namespace OpenChronic.Client.Tests.Commands;

public sealed class CoordinationTablesTests
{
    private static CoordinationTally Tally(int persons, int stays, int followed)
    {
        var t = new CoordinationTally();
        for (var i = 0; i < persons; i++)
        {
            var r = new ContinuityResult(4, 0.5, double.NaN, 0.5, 0.5, 0.5, 0.5, 1, 1);
            t.AddPatient(new PatientYearContinuity(r, r));
            if (i < stays)
            {
                t.AddStays([new IndexStay(0, 1, 1, i < followed ? 3 : 40, null, null, false, null)]);
            }
        }

        return t;
    }

    private static string[][] Rows(string csv) => [.. csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(','))];

    [Fact]
    public void Continuity_SmallTerritory_IsSuppressedWithAComplement()
    {
        List<(string, CoordinationTally)> rows = [("A", Tally(30, 0, 0)), ("B", Tally(5, 0, 0)), ("C", Tally(40, 0, 0))];
        var csv = Rows(CoordinationTables.Continuity(rows, 11));
        Assert.Equal("", csv[1][1]);
        Assert.StartsWith("suppressed (small cell)", csv[1][2], StringComparison.Ordinal);

        // B alone could be recomputed from the total: the smallest other territory (A) is hidden too; C stays.
        Assert.Equal("", csv[0][1]);
        Assert.StartsWith("suppressed (complementary)", csv[0][2], StringComparison.Ordinal);
        Assert.Equal("40", csv[2][1]);
        Assert.Equal("0.5", csv[2][4]);
    }

    [Fact]
    public void FollowUp_RateWithSmallNumerator_IsHidden()
    {
        // A: 30 stays, 25 followed within 7 days (5 not followed: a small cell); C: 40 stays, 20 followed; D: 60, 30.
        // The cheapest complement of A's hidden cells is C (20 < 30): A's and C's rates are hidden, D's is published.
        List<(string, CoordinationTally)> rows = [("A", Tally(30, 30, 25)), ("C", Tally(40, 40, 20)), ("D", Tally(60, 60, 30))];
        var csv = Rows(CoordinationTables.FollowUp(rows, 11));
        var header = CoordinationTables.FollowUp(rows, 11).Split('\n')[0].Split(',');
        var rate = Array.IndexOf(header, "gp_7d_rate");
        Assert.Equal("", csv[0][rate]);
        Assert.Equal("", csv[1][rate]);
        Assert.Equal("0.5", csv[2][rate]);
        Assert.Equal("30", csv[0][1]);
    }
}
