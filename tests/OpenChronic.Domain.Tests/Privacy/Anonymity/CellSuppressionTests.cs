using OpenChronic.Domain.Privacy.Anonymity;

namespace OpenChronic.Domain.Tests.Privacy.Anonymity;

public sealed class CellSuppressionTests
{
    private static readonly long[,] s_table = { { 3, 40, 50 }, { 30, 25, 60 }, { 12, 14, 80 } };

    [Fact]
    public void Attacker_OnlyPrimarySuppressed_RecoversTheSmallCellFromTheMargins()
    {
        var onlyPrimary = PrimaryOnly(s_table);

        var recovered = MarginAttacker.Recoverable(onlyPrimary);

        Assert.Contains((0, 0), recovered);
    }

    [Fact]
    public void Apply_SmallCell_HidesItAndAttackerRecoversNothing()
    {
        var result = CellSuppression.Apply(s_table);

        Assert.Equal(CellStatus.Primary, result.StatusOf(0, 0));
        Assert.Null(result.Published(0, 0));
        Assert.True(result.ComplementaryCount >= 3);
        Assert.Empty(MarginAttacker.Recoverable(result));
        AssertTwoHiddenPerLine(result);
    }

    [Fact]
    public void Apply_RandomTables_NoSmallCellPublishedAndNoHiddenCellRecoverable()
    {
        for (var seed = 0; seed < 60; seed++)
        {
            var random = new Random(3000 + seed);
            var counts = new long[random.Next(1, 6), random.Next(1, 6)];
            for (var r = 0; r < counts.GetLength(0); r++)
            {
                for (var c = 0; c < counts.GetLength(1); c++)
                {
                    counts[r, c] = random.Next(4) switch { 0 => 0, 1 => random.Next(1, 11), _ => random.Next(11, 200) };
                }
            }

            var result = CellSuppression.Apply(counts);

            for (var r = 0; r <= result.Rows; r++)
            {
                for (var c = 0; c <= result.Columns; c++)
                {
                    Assert.False(result.Published(r, c) is > 0 and < 11, $"seed {seed}: small cell ({r},{c}) published");
                }
            }

            Assert.Empty(MarginAttacker.Recoverable(result));
            AssertTwoHiddenPerLine(result);
        }
    }

    [Fact]
    public void Apply_NoSmallCell_PublishesEverything()
    {
        var result = CellSuppression.Apply(new long[,] { { 11, 20 }, { 0, 30 } });

        Assert.Equal(0, result.PrimaryCount + result.ComplementaryCount);
        Assert.Equal(61, result.Published(2, 2));
    }

    private static void AssertTwoHiddenPerLine(CellSuppressionResult result)
    {
        for (var r = 0; r <= result.Rows; r++)
        {
            var hidden = Enumerable.Range(0, result.Columns + 1).Count(c => result.Published(r, c) is null);
            Assert.True(hidden is 0 or >= 2, $"row {r} has {hidden} hidden cell");
        }

        for (var c = 0; c <= result.Columns; c++)
        {
            var hidden = Enumerable.Range(0, result.Rows + 1).Count(r => result.Published(r, c) is null);
            Assert.True(hidden is 0 or >= 2, $"column {c} has {hidden} hidden cell");
        }
    }

    private static CellSuppressionResult PrimaryOnly(long[,] counts)
    {
        // the same table with the complementary cells published again: primary suppression alone
        var full = CellSuppression.Apply(counts);
        var status = full.Status.Select(s => s == CellStatus.Primary ? CellStatus.Primary : CellStatus.Published).ToArray();
        return full with { Status = [.. status] };
    }
}
