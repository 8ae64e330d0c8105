using Apache.Arrow;

namespace OpenChronic.Synthetic.Output;

/// <summary>Positions of the columns the generator fills in the DCIR tables (looked up once by name).</summary>
internal sealed class DcirColumns
{
    public DcirColumns(IReadOnlyDictionary<string, Schema> schemas)
    {
        int P(string name) => schemas["ER_PRS_F"].GetFieldIndex(name) is var i and >= 0 ? i : throw new KeyNotFoundException("ER_PRS_F." + name);
        Keys = [.. Ingestion9.Select(P)];
        PhaKeys = [.. Ingestion9.Select(k => schemas["ER_PHA_F"].GetFieldIndex(k))];
        BioKeys = [.. Ingestion9.Select(k => schemas["ER_BIO_F"].GetFieldIndex(k))];
        CamKeys = [.. Ingestion9.Select(k => schemas["ER_CAM_F"].GetFieldIndex(k))];
        EteKeys = [.. Ingestion9.Select(k => schemas["ER_ETE_F"].GetFieldIndex(k))];
        Nir = P("BEN_NIR_PSA");
        Rank = P("BEN_RNG_GEM");
        Sex = P("BEN_SEX_COD");
        BirthYear = P("BEN_NAI_ANN");
        Age = P("BEN_AMA_COD");
        Dept = P("BEN_RES_DPT");
        Commune = P("BEN_RES_COM");
        NirQuality = P("BEN_CDI_NIR");
        Affiliation = P("ORG_AFF_BEN");
        CareStart = P("EXE_SOI_DTD");
        CareEnd = P("EXE_SOI_DTF");
        CareMonth = P("EXE_SOI_AMD");
        Prescribed = P("PRE_PRE_DTD");
        Nature = P("PRS_NAT_REF");
        BaseNature = P("BSE_PRS_NAT");
        Quantity = P("PRS_ACT_QTE");
        Base = P("BSE_REM_BSE");
        Reimbursed = P("BSE_REM_MNT");
        Paid = P("PRS_PAI_MNT");
        Rate = P("RGO_REM_TAU");
        Exoneration = P("EXO_MTF");
        Information = P("DPN_QLF");
        InformationP = P("PRS_DPN_QLP");
        Majoration = P("CPL_MAJ_TOP");
        Specialty = P("PSE_SPE_COD");
        Activity = P("PSE_ACT_NAT");
        Executor = P("PFS_EXE_NUM");
        Prescriber = P("PFS_PRE_NUM");
        DeclaredGp = P("PRS_MTT_NUM");
        PrescriberSpecialty = P("PSP_SPE_COD");
        Sector = P("PRS_PPU_SEC");
        EstablishmentPrescriber = P("ETB_PRE_FIN");
        var pha = schemas["ER_PHA_F"];
        Cip13 = pha.GetFieldIndex("PHA_PRS_C13");
        Cip7 = pha.GetFieldIndex("PHA_PRS_IDE");
        Boxes = pha.GetFieldIndex("PHA_ACT_QSN");
        UnitPrice = pha.GetFieldIndex("PHA_ACT_PRU");
        var bio = schemas["ER_BIO_F"];
        Nabm = bio.GetFieldIndex("BIO_PRS_IDE");
        BioQuantity = bio.GetFieldIndex("BIO_ACT_QSN");
        var cam = schemas["ER_CAM_F"];
        Ccam = cam.GetFieldIndex("CAM_PRS_IDE");
        CcamActivity = cam.GetFieldIndex("CAM_ACT_COD");
        CcamPrice = cam.GetFieldIndex("CAM_ACT_PRU");
        var ete = schemas["ER_ETE_F"];
        Finess = ete.GetFieldIndex("ETB_EXE_FIN");
        Taa = ete.GetFieldIndex("ETE_IND_TAA");
        EteSector = ete.GetFieldIndex("PRS_PPU_SEC");
        Ghs = ete.GetFieldIndex("ETE_GHS_NUM");
    }

    /// <summary>The nine DCIR join keys, in the order of <see cref="Domain.Snds.SndsCatalogue.DcirKeys"/>.</summary>
    public static readonly string[] Ingestion9 = [.. Domain.Snds.SndsCatalogue.DcirKeys];

    public int[] Keys { get; }
    public int[] PhaKeys { get; }
    public int[] BioKeys { get; }
    public int[] CamKeys { get; }
    public int[] EteKeys { get; }
    public int Nir { get; }
    public int Rank { get; }
    public int Sex { get; }
    public int BirthYear { get; }
    public int Age { get; }
    public int Dept { get; }
    public int Commune { get; }
    public int NirQuality { get; }
    public int Affiliation { get; }
    public int CareStart { get; }
    public int CareEnd { get; }
    public int CareMonth { get; }
    public int Prescribed { get; }
    public int Nature { get; }
    public int BaseNature { get; }
    public int Quantity { get; }
    public int Base { get; }
    public int Reimbursed { get; }
    public int Paid { get; }
    public int Rate { get; }
    public int Exoneration { get; }
    public int Information { get; }
    public int InformationP { get; }
    public int Majoration { get; }
    public int Specialty { get; }
    public int Activity { get; }
    public int Executor { get; }
    public int Prescriber { get; }
    public int DeclaredGp { get; }
    public int PrescriberSpecialty { get; }
    public int Sector { get; }
    public int EstablishmentPrescriber { get; }
    public int Cip13 { get; }
    public int Cip7 { get; }
    public int Boxes { get; }
    public int UnitPrice { get; }
    public int Nabm { get; }
    public int BioQuantity { get; }
    public int Ccam { get; }
    public int CcamActivity { get; }
    public int CcamPrice { get; }
    public int Finess { get; }
    public int Taa { get; }
    public int EteSector { get; }
    public int Ghs { get; }
}
