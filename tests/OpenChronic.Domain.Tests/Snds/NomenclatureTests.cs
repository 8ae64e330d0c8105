using OpenChronic.Domain.Snds;

namespace OpenChronic.Domain.Tests.Snds;

public sealed class NomenclatureTests
{
    [Fact]
    public void Specialties_KnowGeneralPractice()
    {
        var spe = NomenclatureSet.Default.Get("IR_SPE_V");
        Assert.True(spe.Contains("1"));
        Assert.True(spe.Contains("01"));
        Assert.True(spe.Contains(1));
        Assert.Equal("MEDECINE GENERALE", spe.Label("1"));
        Assert.False(spe.Contains("9999"));
    }

    [Fact]
    public void Icd10_MapsDiabetesToAld8() =>
        Assert.Equal("8", NomenclatureSet.Default.Get("IR_CIM_V").Value("E110", "ALD_030_COD"));

    [Fact]
    public void Departements_KeepLeadingZeros()
    {
        var dpt = NomenclatureSet.Default.Get("IR_DPT_V");
        Assert.True(dpt.Contains("001"));
        Assert.Equal("AIN", dpt.Label("001"));
    }

    [Fact]
    public void TryGet_UnknownList_IsNull() => Assert.Null(NomenclatureSet.Default.TryGet("NOT_A_LIST"));

    [Fact]
    public void Parse_UsesTheSchemaCodeColumn()
    {
        using var csv = new MemoryStream("LIB;COD;TEC_COL\nun;1;0\ndeux;2;0\n"u8.ToArray());
        using var schema = new MemoryStream("""{"fields":[{"name":"LIB","type":"string","role":"label"},{"name":"COD","type":"integer","role":"code"}]}"""u8.ToArray());
        var n = Nomenclature.Parse("X", csv, schema);
        Assert.Equal("COD", n.CodeColumn);
        Assert.True(n.Contains("02"));
        Assert.Equal("deux", n.Label("2"));
    }

    [Fact]
    public void DrugReferential_MapsCip13ToAtc()
    {
        var drugs = DrugReferential.Default;
        Assert.Equal(23126, drugs.Drugs.Length);
        Assert.True(drugs.TryGet(3400921600506, out var d));
        Assert.Equal("R03DC03", d.Atc7);
        Assert.NotEmpty(drugs.WithAtcPrefix("A10B"));
    }
}

public sealed class NomenclatureQuotingTests
{
    [Fact]
    public void Ccam_QuotedCodes_AreFound() =>
        Assert.True(NomenclatureSet.Default.Get("IR_CCAM_V63").Contains("AHQP001"));

    [Fact]
    public void Parse_QuotedFieldWithSeparatorAndDoubledQuote_IsOneField()
    {
        using var csv = new MemoryStream("\"COD\";\"LIB\"\n\"A1\";\"x; \"\"y\"\"\"\n"u8.ToArray());
        var n = Nomenclature.Parse("Q", csv, null);
        Assert.Equal("x; \"y\"", n.Value("A1", "LIB"));
    }
}
