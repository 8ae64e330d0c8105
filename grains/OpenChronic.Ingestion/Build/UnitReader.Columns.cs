using System.Collections.Frozen;
using OpenChronic.Domain.Snds;

namespace OpenChronic.Ingestion.Build;

/// <summary>The columns each claims table contributes to the build (every column the unit readers look up).</summary>
public sealed partial class UnitReader
{
    /// <summary>Columns read per table; tables not listed are read whole.</summary>
    public static FrozenDictionary<string, string[]> UsedColumns { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["ER_PRS_F"] = [.. SndsCatalogue.DcirKeys, "BEN_NIR_PSA", "BEN_RNG_GEM", "EXE_SOI_DTD", "DPN_QLF", "PRS_DPN_QLP", "CPL_MAJ_TOP",
            "BSE_PRS_NAT", "PRS_NAT_REF", "PSE_SPE_COD", "PFS_EXE_NUM", "EXO_MTF", "PRS_ACT_QTE", "PRS_MTT_NUM"],
        ["ER_PHA_F"] = [.. SndsCatalogue.DcirKeys, "PHA_PRS_C13", "PHA_ACT_QSN"],
        ["ER_BIO_F"] = [.. SndsCatalogue.DcirKeys, "BIO_PRS_IDE", "BIO_ACT_QSN"],
        ["ER_CAM_F"] = [.. SndsCatalogue.DcirKeys, "CAM_PRS_IDE"],
        ["ER_ETE_F"] = [.. SndsCatalogue.DcirKeys, "ETE_IND_TAA"],
        ["T_MCOaaB"] = [.. SndsCatalogue.PmsiKeys, "GRG_GHM", "DGN_PAL", "DGN_REL", "SOR_MOD", "COD_SEX", "AGE_ANN"],
        ["T_MCOaaC"] = [.. SndsCatalogue.PmsiKeys, "NIR_ANO_17", "RNG_BEN", "ENT_DAT", "SOR_DAT", "EXE_SOI_DTD", "EXE_SOI_DTF", "NIR_RET", "SEJ_RET", "FHO_RET", "PMS_RET", "DAT_RET"],
        ["T_MCOaaD"] = [.. SndsCatalogue.PmsiKeys, "ASS_DGN"],
        ["T_MCOaaA"] = [.. SndsCatalogue.PmsiKeys, "CDC_ACT"],
        ["T_MCOaaE"] = ["ETA_NUM"],
        ["IR_IMB_R"] = ["BEN_NIR_PSA", "BEN_RNG_GEM", "IMB_ALD_NUM", "IMB_ALD_DTD", "IMB_ALD_DTF", "MED_MTF_COD"],
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
