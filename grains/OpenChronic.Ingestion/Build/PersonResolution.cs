namespace OpenChronic.Ingestion.Build;

/// <summary>How a patient key resolved against the <see cref="PersonDirectory"/>.</summary>
public enum PersonResolution
{
    /// <summary>One person.</summary>
    Resolved,

    /// <summary>No IR_BEN_R row has this key.</summary>
    Unknown,

    /// <summary>A dummy PMSI key ('xxxxxxxxxxxxxxxxx', 'XXXXXXXXXXXXXXXXD') or a blank one.</summary>
    Dummy,

    /// <summary>A fictitious NIR (IR_BEN_R.BEN_CDI_NIR other than '00').</summary>
    Fictitious,

    /// <summary>Several persons share the key (twins) and no hint told them apart.</summary>
    Ambiguous,
}

/// <summary>One person of the directory (identifiers stay inside <see cref="PersonDirectory"/>).</summary>
/// <param name="Sex">BEN_SEX_COD (1 male, 2 female, 0/9 unknown).</param>
/// <param name="BirthYear">BEN_NAI_ANN, 0 when unknown.</param>
/// <param name="BirthMonth">BEN_NAI_MOI, 0 when unknown.</param>
/// <param name="Departement">BEN_RES_DPT.</param>
/// <param name="Commune">BEN_RES_COM.</param>
/// <param name="DeathDay">BEN_DCD_DTE as a day number, or null.</param>
public readonly record struct PersonInfo(byte Sex, short BirthYear, byte BirthMonth, string Departement, string Commune, int? DeathDay);
