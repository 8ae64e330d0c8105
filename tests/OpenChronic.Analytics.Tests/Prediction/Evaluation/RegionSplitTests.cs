using OpenChronic.Analytics.Prediction.Evaluation;
using OpenChronic.Analytics.Prediction.Features;

namespace OpenChronic.Analytics.Tests.Prediction.Evaluation;

public sealed class RegionSplitTests
{
    // 075 → 11 (Île-de-France), 013 → 93, 069 → 84, 033 → 75 in IR_DPT_V; 1,000 rows, 5 without a département.
    private static readonly (string? Departement, int Rows)[] s_layout = [("075", 400), ("013", 300), ("069", 200), ("033", 95), (null, 5)];

    private static FeatureBlock Block()
    {
        var builder = new FeatureBlockBuilder(1, 1);
        string[] names = ["age", "dep:013", "dep:033", "dep:069", "dep:075"];
        var row = new List<(int Column, float Value)>();
        var r = 0;
        foreach (var (departement, rows) in s_layout)
        {
            for (var i = 0; i < rows; i++, r++)
            {
                row.Clear();
                row.Add((0, 0.5f));
                if (departement is not null)
                {
                    row.Add((Array.IndexOf(names, "dep:" + departement), 1));
                }

                builder.AddIndexedRow(row, r % 7 == 0, float.NaN, [0f]);
            }
        }

        return builder.Build(names);
    }

    [Fact]
    public void RegionOf_Departement_UsesGeographyNomenclature()
    {
        Assert.Equal("11", RegionSplit.RegionOf("075"));
        Assert.Equal("93", RegionSplit.RegionOf("013"));
        Assert.Null(RegionSplit.RegionOf("nope"));
    }

    [Fact]
    public void Choose_FourRegions_WholeRegionsOnEachSideAndShareReached()
    {
        var block = Block();

        var split = RegionSplit.Choose(block, 1 / 3.0, 4)!;

        Assert.Equal(block.Rows, split.TrainRows.Length + split.TestRows.Length);
        Assert.Empty(split.TrainRows.Intersect(split.TestRows));
        Assert.Empty(split.TrainRegions.Intersect(split.TestRegions));
        Assert.Equal(["11", "75", "84", "93"], split.TrainRegions.Concat(split.TestRegions).Order(StringComparer.Ordinal));
        Assert.NotEmpty(split.TrainRegions);
        Assert.True(split.TestRows.Length >= 995 / 3.0, $"{split.TestRows.Length} test rows");
        Assert.Contains(999, split.TrainRows);
        var regionOfRow = s_layout.SelectMany(l => Enumerable.Repeat(l.Departement is null ? null : RegionSplit.RegionOf(l.Departement), l.Rows)).ToArray();
        Assert.All(split.TestRows, r => Assert.Contains(regionOfRow[r], split.TestRegions));
        Assert.Equal(split.TestRows, RegionSplit.Choose(block, 1 / 3.0, 4)!.TestRows);
    }

    [Fact]
    public void Choose_OneRegion_IsNull()
    {
        var builder = new FeatureBlockBuilder(1, 1);
        builder.AddIndexedRow([(0, 1f)], true, 0, [0f]);
        builder.AddIndexedRow([(0, 1f)], false, 0, [0f]);

        Assert.Null(RegionSplit.Choose(builder.Build(["dep:075"]), 0.3, 1));
    }
}
