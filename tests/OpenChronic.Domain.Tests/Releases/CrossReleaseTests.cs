using OpenChronic.Domain.Privacy.Anonymity;
using OpenChronic.Domain.Releases;
using OpenChronic.Domain.Tests.Privacy.Anonymity;

namespace OpenChronic.Domain.Tests.Releases;

public sealed class CrossReleaseTests
{
    // Cohort A, and cohort B = A minus 3 women in their thirties and 17 men in their seventies (a nested, overlapping cohort).
    private static (List<ReleaseMember> A, List<ReleaseMember> B) Overlapping()
    {
        var a = ReleaseData.Members(400, 11);
        for (var i = 0; i < 20; i++)
        {
            a[i] = a[i] with { Row = a[i].Row with { Age = i < 3 ? 35 : 75, Sex = (byte)(i < 3 ? 2 : 1) } };
        }

        return (a, a.Skip(20).ToList());
    }

    private static ReleaseBuildResult Build(List<ReleaseMember> members, int number, params ReleaseLedger[] earlier) =>
        ReleaseBuilder.Build("c", number, members, ReleasePolicy.Default, earlier, ReleaseData.RegionOf);

    // What an attacker holding both releases learns: published counts of the same cell subtracted.
    private static List<long> SmallDifferences(ReleaseContent a, ReleaseContent b)
    {
        var found = new List<long>();
        foreach (var (ta, tb) in a.Tables.Zip(b.Tables))
        {
            for (var r = 0; r <= ta.Cells.Rows; r++)
            {
                for (var c = 0; c <= ta.Cells.Columns; c++)
                {
                    if (ta.Cells.Published(r, c) is { } x && tb.Cells.Published(r, c) is { } y && x - y is > 0 and < 11)
                    {
                        found.Add(x - y);
                    }
                }
            }
        }

        return found;
    }

    [Fact]
    public void SubtractionAttack_WithoutTheLedger_RevealsTheSmallGroup()
    {
        var (a, b) = Overlapping();
        var first = Build(a, 1).Content!;
        var second = Build(b, 2).Content!;
        Assert.Contains(3L, SmallDifferences(first, second));
    }

    [Fact]
    public void SubtractionAttack_WithTheLedger_IsDefeated()
    {
        var (a, b) = Overlapping();
        var first = Build(a, 1).Content!;
        var second = Build(b, 2, first.Ledger).Content!;

        Assert.Empty(SmallDifferences(first, second));
        Assert.Contains(second.Tables, t => t.ForcedByEarlierReleases > 0);
        foreach (var table in second.Tables)
        {
            // and the cells hidden for that reason cannot be recomputed from the release's own margins either
            Assert.Empty(MarginAttacker.Recoverable(table.Cells));
        }
    }

    [Fact]
    public void Build_CohortDifferingByAFewPersons_IsRefused()
    {
        var a = ReleaseData.Members(300, 12);
        var first = Build(a, 1).Content!;
        var refused = Build(a.Skip(4).ToList(), 2, first.Ledger);
        Assert.False(refused.Accepted);
        Assert.Contains("differs from an earlier release", refused.Refusal, StringComparison.Ordinal);
        Assert.True(Build(a, 2, first.Ledger).Accepted);
    }

    [Fact]
    public void CellsToHide_NoEarlierRelease_HidesNothing() =>
        Assert.Empty(CrossReleaseGuard.CellsToHide(2, 2, CellSuppression.DefaultThreshold, [1, 2, 3], [0, 1, 3], []));

    [Fact]
    public void CellsToHide_NestedReleaseMissingThreePersonsOfOneCell_HidesTheCellItsMarginsAndTheTotal()
    {
        var earlierHashes = Enumerable.Range(1, 60).Select(i => (ulong)i).ToList();
        var earlierCells = Enumerable.Range(1, 60).Select(i => i <= 30 ? 0 : 3).ToList();
        var hashes = earlierHashes.Skip(3).ToList();
        var cells = earlierCells.Skip(3).ToList();

        var hide = CrossReleaseGuard.CellsToHide(2, 2, CellSuppression.DefaultThreshold, hashes, cells, [(earlierHashes, earlierCells)]);

        Assert.Equal([(0, 0), (0, 2), (2, 0), (2, 2)], hide);
    }

    [Fact]
    public void Apply_ForcedCell_IsHiddenAndProtectedByComplementaryCells()
    {
        var result = CellSuppression.Apply(new long[,] { { 30, 40 }, { 50, 60 } }, CellSuppression.DefaultThreshold, [(0, 0)]);
        Assert.Equal(CellStatus.Forced, result.StatusOf(0, 0));
        Assert.Equal(1, result.ForcedCount);
        Assert.Empty(MarginAttacker.Recoverable(result));
    }
}
