namespace OpenChronic.Analytics.Variability.Indicators;

/// <summary>The unit care is compared between.</summary>
public enum UnitLevel
{
    /// <summary>The patient's département of residence.</summary>
    Departement,

    /// <summary>The establishment (ETA_NUM) that discharged the index episode.</summary>
    Establishment,

    /// <summary>The GP the patient saw most often in the community during the year.</summary>
    Gp,
}

/// <summary>What one denominator entry of an indicator is.</summary>
public enum IndicatorIndex
{
    /// <summary>A patient of the population in year Y.</summary>
    Patient,

    /// <summary>A hospitalisation episode (stays chained by transfers) discharged in year Y.</summary>
    Stay,
}
