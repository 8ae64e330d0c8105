using OpenChronic.Domain.Snds;

namespace OpenChronic.Domain.Tests.Snds;

public sealed class SndsCatalogueTests
{
    private static readonly SndsCatalogue s_catalogue = SndsCatalogue.Default;

    [Theory]
    [InlineData("IR_BEN_R", 21)]
    [InlineData("IR_IMB_R", 13)]
    [InlineData("ER_PRS_F", 123)]
    [InlineData("ER_PHA_F", 23)]
    [InlineData("ER_CAM_F", 35)]
    [InlineData("ER_BIO_F", 14)]
    [InlineData("ER_ETE_F", 24)]
    [InlineData("T_MCOaaB", 94)]
    [InlineData("T_MCOaaC", 40)]
    [InlineData("T_MCOaaD", 5)]
    [InlineData("T_MCOaaA", 15)]
    [InlineData("T_MCOaaE", 7)]
    [InlineData("KI_CCI_R", 49)]
    [InlineData("KI_ECD_R", 12)]
    [InlineData("IR_PHA_R", 76)]
    public void Default_HoldsEveryTableOpenChronicReads_WithTheSchemaColumnCount(string name, int columns) =>
        Assert.Equal(columns, s_catalogue[name].Columns.Length);

    [Fact]
    public void ErPrsF_PrimaryKey_IsTheNineDcirKeys() =>
        Assert.Equal(SndsCatalogue.DcirKeys.Order(), s_catalogue["ER_PRS_F"].PrimaryKey.Order());

    [Theory]
    [InlineData("ER_PRS_F", "DCT_ORD_NUM")]
    [InlineData("ER_PRS_F", "ORG_CLE_NUM")]
    [InlineData("ER_PHA_F", "PRS_ORD_NUM")]
    [InlineData("T_MCOaaB", "ETA_NUM")]
    [InlineData("T_MCOaaC", "NIR_ANO_17")]
    [InlineData("IR_BEN_R", "BEN_IDT_ANO")]
    public void Keys_AreReadAsText_WhateverTheSchemaType(string table, string column) =>
        Assert.Equal(SndsType.String, s_catalogue[table][column].Type);

    [Fact]
    public void Columns_KeepTheSchemaTypesAndFormats()
    {
        var c = s_catalogue["T_MCOaaC"];
        Assert.Equal(SndsType.Date, c["ENT_DAT"].Type);
        Assert.Equal("%d%m%Y", c["ENT_DAT"].Format);
        Assert.Equal(SndsType.DateTime, c["EXE_SOI_DTD"].Type);
        Assert.Equal(SndsType.Month, c["SOR_MOI"].Type);
        Assert.Equal(SndsType.Year, c["SOR_ANN"].Type);
        var prs = s_catalogue["ER_PRS_F"];
        Assert.Equal(SndsType.Number, prs["PRS_PAI_MNT"].Type);
        Assert.Equal(2, prs["PRS_PAI_MNT"].Scale);
        Assert.Equal("IR_SPE_V", prs["PSE_SPE_COD"].Nomenclature);
        Assert.Equal(SndsType.Integer, prs["DPN_QLF"].Type);
    }

    [Fact]
    public void Constraints_AreRead()
    {
        var qsn = s_catalogue["ER_PHA_F"]["PHA_ACT_QSN"];
        Assert.Equal(-10, qsn.Minimum);
        Assert.Equal(30, qsn.Maximum);
    }

    [Fact]
    public void TryGetColumn_IgnoresCase()
    {
        Assert.True(s_catalogue["IR_BEN_R"].TryGetColumn("ben_sex_cod", out var c));
        Assert.Equal("BEN_SEX_COD", c.Name);
        Assert.False(s_catalogue["IR_BEN_R"].TryGetColumn("NOT_A_COLUMN", out _));
    }

    [Fact]
    public void PmsiForeignKeys_PointToTheStayTable()
    {
        var fk = Assert.Single(s_catalogue["T_MCOaaD"].ForeignKeys);
        Assert.Equal("T_MCOaaB", fk.ReferencedTable);
        Assert.Equal(["ETA_NUM", "RSA_NUM"], fk.Fields);
    }
}

public sealed class SndsCatalogueRelaxationTests
{
    [Fact]
    public void Minimums_ThatRealDataBreaks_AreDropped_AndOthersKept()
    {
        Assert.Null(SndsCatalogue.Default["ER_PRS_F"]["PRS_ACT_QTE"].Minimum);
        Assert.Equal(1000, SndsCatalogue.Default["ER_PRS_F"]["PRS_ACT_QTE"].Maximum);
        Assert.Null(SndsCatalogue.Default["T_MCOaaB"]["AGE_ANN"].Minimum);
        Assert.Equal(100000000, SndsCatalogue.Default["T_MCOaaB"]["ETA_NUM"].Minimum);
    }
}
