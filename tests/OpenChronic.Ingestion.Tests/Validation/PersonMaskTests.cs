using OpenChronic.Ingestion.Validation;

namespace OpenChronic.Ingestion.Tests.Validation;

public sealed class PersonMaskTests
{
    [Fact]
    public void Show_PersonColumns_AreMasked()
    {
        Assert.Equal(PersonMask.Mask, PersonMask.Show("BEN_NIR_PSA", "AAAAAAAAAAAAAAAA1"));
        Assert.Equal(PersonMask.Mask, PersonMask.Show("nir_ano_17", "AAAAAAAAAAAAAAAA1"));
        Assert.Equal(PersonMask.Mask, PersonMask.Show("ASS_NIR_ANO", "AAAAAAAAAAAAAAAA1"));
        Assert.Equal("1", PersonMask.Show("BEN_RNG_GEM", "1"));
        Assert.Null(PersonMask.Show("BEN_NIR_PSA", null));
    }

    [Fact]
    public void Scrub_Message_DropsThePathAndIdentifierLikeTokens()
    {
        var message = "/data/ER_PRS_F_201901.csv: unreadable after data row 3: bad row 'AAAAAAAAAAAAAAAA1;1;ab12cd34ef56gh78'";

        Assert.Equal("unreadable after data row 3: bad row '<person id>;1;<person id>'", PersonMask.Scrub(message, "/data/ER_PRS_F_201901.csv"));
    }

    [Fact]
    public void Scrub_OrdinaryWordsAndShortCodes_AreKept()
    {
        const string Message = "decompression failed in column ER_PRS_F_201901 at 2019-01-01, code 3400921";
        Assert.Equal(Message, PersonMask.Scrub(Message));
    }
}
