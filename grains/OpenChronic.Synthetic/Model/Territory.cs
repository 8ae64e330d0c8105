namespace OpenChronic.Synthetic.Model;

/// <summary>
/// A département of the synthetic world with the care-practice effects planted in it (recorded in the truth).
/// </summary>
/// <param name="Code">IR_DPT_V code, 3 characters (e.g. <c>075</c>).</param>
/// <param name="Name">Name.</param>
/// <param name="Weight">Share of the population living there.</param>
/// <param name="Communes">Commune codes (3 characters) of IR_GEO_V for the département.</param>
/// <param name="Hba1cRate">Multiplier of the HbA1c monitoring rate of diabetics.</param>
/// <param name="GpFollowUp7Days">Probability of a GP visit within 7 days of a heart-failure discharge.</param>
/// <param name="Readmission">Multiplier of the 30-day readmission probability after a heart-failure stay.</param>
/// <param name="DiabetesRisk">Multiplier of diabetes risk (regional gradient).</param>
public sealed record Territory(
    string Code,
    string Name,
    double Weight,
    string[] Communes,
    double Hba1cRate,
    double GpFollowUp7Days,
    double Readmission,
    double DiabetesRisk);

/// <summary>A health professional: GP, specialist, nurse or pharmacy.</summary>
/// <param name="Id">PFS_EXE_NUM / PFS_PRE_NUM, 9 characters (the last a check digit).</param>
/// <param name="Territory">Index of the département.</param>
/// <param name="Specialty">PSE_SPE_COD (IR_SPE_V), 0 for nurses and pharmacies.</param>
/// <param name="ActivityNature">PSE_ACT_NAT (IR_ACT_V): 24 nurse, 50 pharmacy, 0 for physicians.</param>
public sealed record Professional(string Id, int Territory, int Specialty, int ActivityNature);

/// <summary>A hospital: FINESS, PMSI number, sector and the readmission effect planted in it.</summary>
/// <param name="Finess">FINESS without its key (ETB_EXE_FIN, ETB_PRE_FIN), 8 characters.</param>
/// <param name="EtaNum">ETA_NUM of the PMSI: the full FINESS, the 8 characters and the key.</param>
/// <param name="Territory">Index of the département.</param>
/// <param name="Public">True for a public hospital (ex-DG, TAA publique), false for a private clinic.</param>
/// <param name="Name">SOC_RAI.</param>
/// <param name="Readmission">Multiplier of the 30-day readmission probability of its heart-failure patients.</param>
public sealed record Establishment(string Finess, string EtaNum, int Territory, bool Public, string Name, double Readmission);

/// <summary>A variation planted on purpose, so that the analyses have something to find.</summary>
/// <param name="Level"><c>departement</c> or <c>establishment</c>.</param>
/// <param name="Id">Département code or ETA_NUM.</param>
/// <param name="Indicator">The care indicator that is shifted.</param>
/// <param name="Planted">The planted value (probability or multiplier).</param>
/// <param name="Baseline">The usual value of that indicator.</param>
public sealed record PlantedOutlier(string Level, string Id, string Indicator, double Planted, double Baseline);
