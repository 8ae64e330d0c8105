using OpenChronic.Domain.Snds;

namespace OpenChronic.Domain.Tests.Snds;

public sealed class SndsFileNameTests
{
    [Theory]
    [InlineData("ER_PRS_F.csv", "ER_PRS_F", null)]
    [InlineData("ER_PRS_F_201901.csv", "ER_PRS_F", "2019-01")]
    [InlineData("ER_PRS_F_2019_12.parquet", "ER_PRS_F", "2019-12")]
    [InlineData("er_pha_f_2020-03.arrow", "ER_PHA_F", "2020-03")]
    [InlineData("T_MCO19B.csv", "T_MCOaaB", "2019")]
    [InlineData("T_MCO2021C.parquet", "T_MCOaaC", "2021")]
    [InlineData("t_mco20d_part2.csv", "T_MCOaaD", "2020")]
    [InlineData("IR_BEN_R.parquet", "IR_BEN_R", null)]
    [InlineData("KI_ECD_R.csv", "KI_ECD_R", null)]
    public void TryParse_KnownNames_GivesTableAndPartition(string file, string table, string? partition)
    {
        var parsed = SndsFileName.TryParse(file, SndsCatalogue.Default);
        Assert.NotNull(parsed);
        Assert.Equal(table, parsed.Table.Name);
        Assert.Equal(partition, parsed.Partition);
    }

    [Theory]
    [InlineData("README.md")]
    [InlineData("ER_PRS_FX.csv")]
    [InlineData("T_MCO19UM.csv")]
    [InlineData("truth.parquet")]
    public void TryParse_OtherNames_GivesNull(string file) =>
        Assert.Null(SndsFileName.TryParse(file, SndsCatalogue.Default));
}
