namespace OpenChronic.Ingestion.Tests.Validation.Fakes;

/// <summary>
/// A small extract whose every reference holds: two persons in IR_BEN_R, three DCIR claims with a
/// pharmacy detail, two 2019 MCO stays with their patient link, an associated diagnosis, an ALD and a death.
/// Tests add one defect at a time and count what the validator finds.
/// </summary>
internal static class CleanExtract
{
    public const string Person1 = "AAAAAAAAAAAAAAAA1";
    public const string Person2 = "BBBBBBBBBBBBBBBB2";
    public const string Identity1 = "IDT00000000000001";
    public const string Identity2 = "IDT00000000000002";
    public const string Finess = "010008407";

    public static FakeExtract Create()
    {
        var extract = new FakeExtract();
        extract.Add("IR_BEN_R.csv")
            .Row(("BEN_NIR_PSA", Person1), ("BEN_RNG_GEM", "1"), ("BEN_IDT_ANO", Identity1), ("BEN_SEX_COD", "1"), ("BEN_NAI_ANN", "1950"), ("BEN_RES_DPT", "075"))
            .Row(("BEN_NIR_PSA", Person2), ("BEN_RNG_GEM", "1"), ("BEN_IDT_ANO", Identity2), ("BEN_SEX_COD", "2"), ("BEN_NAI_ANN", "1962"), ("BEN_RES_DPT", "001"));
        extract.Add("dcir/ER_PRS_F_201901.csv")
            .Row([.. Claim("10000001"), ("BEN_NIR_PSA", Person1), ("BEN_RNG_GEM", "1"), ("PSE_SPE_COD", "1"), ("BEN_SEX_COD", "1")])
            .Row([.. Claim("10000002"), ("BEN_NIR_PSA", Person2), ("BEN_RNG_GEM", "1"), ("PSE_SPE_COD", "01"), ("BEN_SEX_COD", "2")])
            .Row([.. Claim("10000003"), ("BEN_NIR_PSA", Person1), ("BEN_RNG_GEM", "1"), ("PSE_SPE_COD", "22"), ("BEN_SEX_COD", "1")]);
        extract.Add("dcir/ER_PHA_F_201901.parquet")
            .Row([.. Claim("10000001"), ("PHA_PRS_C13", "3400921600506"), ("PHA_ACT_QSN", "2"), ("PHA_CPA_PCP", "100")]);
        extract.Add("pmsi/T_MCO19B.csv")
            .Row(("ETA_NUM", Finess), ("RSA_NUM", "0000000001"), ("DGN_PAL", "E11.9"), ("AGE_ANN", "68"), ("GRG_GHM", "10M152"))
            .Row(("ETA_NUM", Finess), ("RSA_NUM", "0000000002"), ("DGN_PAL", "I210+"), ("AGE_ANN", "56"), ("GRG_GHM", "05M042"));
        extract.Add("pmsi/T_MCO19C.csv")
            .Row(("ETA_NUM", Finess), ("RSA_NUM", "0000000001"), ("NIR_ANO_17", Person1))
            .Row(("ETA_NUM", Finess), ("RSA_NUM", "0000000002"), ("NIR_ANO_17", Person2));
        extract.Add("pmsi/T_MCO19D.arrow")
            .Row(("ETA_NUM", Finess), ("RSA_NUM", "0000000001"), ("ASS_DGN", "I10"));
        extract.Add("IR_IMB_R.csv")
            .Row(("BEN_NIR_PSA", Person1), ("BEN_RNG_GEM", "1"), ("IMB_ALD_NUM", "8"), ("MED_MTF_COD", "E11"));
        extract.Add("KI_CCI_R.csv")
            .Row(("BEN_IDT_ANO", Identity2), ("BEN_SEX_COD", "2"));
        return extract;
    }

    /// <summary>The nine DCIR keys of a claim, flux of February 2019.</summary>
    public static (string, string?)[] Claim(string number) =>
    [
        ("DCT_ORD_NUM", number), ("FLX_DIS_DTD", "2019-02-01"), ("FLX_EMT_NUM", "1"), ("FLX_EMT_ORD", "0"),
        ("FLX_EMT_TYP", "1"), ("FLX_TRT_DTD", "2019-01-20"), ("ORG_CLE_NUM", "01C751010"), ("PRS_ORD_NUM", "1"),
        ("REM_TYP_AFF", "1"),
    ];
}
