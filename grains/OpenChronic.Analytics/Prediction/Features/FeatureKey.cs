using System.Globalization;
using OpenChronic.Domain.Pathways;

namespace OpenChronic.Analytics.Prediction.Features;

/// <summary>What a feature counts.</summary>
public enum FeatureFamily : byte
{
    /// <summary>Age at index / 100 (continuous).</summary>
    Age,

    /// <summary>Ten-year age band at index.</summary>
    AgeBand,

    /// <summary>Sex (IR_SEX_V).</summary>
    Sex,

    /// <summary>Département of residence.</summary>
    Departement,

    /// <summary>An ALD (other than the target) active at index.</summary>
    Ald,

    /// <summary>A condition of the default case-definition catalogue (code = its index) found in the year before index.</summary>
    Condition,

    /// <summary>Dispensations by ATC level 3 (4 characters).</summary>
    Atc3,

    /// <summary>Dispensations by ATC level 4 (5 characters).</summary>
    Atc4,

    /// <summary>Consultations by the professional's specialty (PSE_SPE_COD).</summary>
    Specialty,

    /// <summary>Hospital stays by ICD-10 chapter of the principal diagnosis.</summary>
    StayChapter,

    /// <summary>Hospital diagnoses (any position) by ICD-10 category (3 characters).</summary>
    Icd3,

    /// <summary>Biology tests by NABM code.</summary>
    Nabm,

    /// <summary>Biology tests by NABM family (first two characters of the code).</summary>
    NabmFamily,

    /// <summary>CCAM acts by the first four characters (organ and action).</summary>
    Ccam4,

    /// <summary>Hospital stays, all causes.</summary>
    Stays,

    /// <summary>All events.</summary>
    Events,

    /// <summary>Claims exonerated for an ALD.</summary>
    AldRelated,

    /// <summary>Days since the last event of a kind / lookback (1 when none).</summary>
    Recency,

    /// <summary>Biology tests by NABM code that were the person's only test on their day (a targeted test, not a panel).</summary>
    NabmAlone,

    /// <summary>Days since the first test of a NABM code in the lookback / lookback (absent when none).</summary>
    NabmFirst,

    /// <summary>Days since the first isolated test (<see cref="NabmAlone"/>) of a NABM code in the lookback / lookback.</summary>
    NabmAloneFirst,

    /// <summary>Days since the first dispensation of an ATC level 4 class in the lookback / lookback.</summary>
    Atc4First,
}

/// <summary>One feature: family, code (packed or a number), window (days before index, 0 for static features).</summary>
public readonly record struct FeatureKey(FeatureFamily Family, ulong Code, short Window)
{
    /// <summary>A readable, stable name, e.g. <c>atc3:A10B@365</c>, <c>spe:1@30</c>, <c>age</c>.</summary>
    public string Name()
    {
        var code = Family switch
        {
            FeatureFamily.Age or FeatureFamily.Stays or FeatureFamily.Events or FeatureFamily.AldRelated => "",
            FeatureFamily.AgeBand or FeatureFamily.Sex or FeatureFamily.Ald or FeatureFamily.Specialty or FeatureFamily.StayChapter
                => ":" + Code.ToString(CultureInfo.InvariantCulture),
            FeatureFamily.Recency => ":" + ((CareEventKind)Code).ToString(),
            FeatureFamily.Condition => ":" + ConditionName(Code),
            _ => ":" + PackedCode.Unpack(Code),
        };
        var window = Window == 0 ? "" : "@" + Window.ToString(CultureInfo.InvariantCulture);
        return Prefix(Family) + code + window;
    }

    private static string ConditionName(ulong index)
    {
        var conditions = CaseDefinitionCatalogue.Default.Conditions;
        return index < (ulong)conditions.Length ? conditions[(int)index].Id : index.ToString(CultureInfo.InvariantCulture);
    }

    private static string Prefix(FeatureFamily family) => family switch
    {
        FeatureFamily.Age => "age",
        FeatureFamily.AgeBand => "ageband",
        FeatureFamily.Sex => "sex",
        FeatureFamily.Departement => "dep",
        FeatureFamily.Ald => "ald",
        FeatureFamily.Condition => "cond",
        FeatureFamily.Atc3 => "atc3",
        FeatureFamily.Atc4 => "atc4",
        FeatureFamily.Specialty => "spe",
        FeatureFamily.StayChapter => "staychapter",
        FeatureFamily.Icd3 => "icd3",
        FeatureFamily.Nabm => "nabm",
        FeatureFamily.NabmFamily => "nabmfamily",
        FeatureFamily.NabmAlone => "nabmalone",
        FeatureFamily.NabmFirst => "firstnabm",
        FeatureFamily.NabmAloneFirst => "firstnabmalone",
        FeatureFamily.Atc4First => "firstatc4",
        FeatureFamily.Ccam4 => "ccam4",
        FeatureFamily.Stays => "stays",
        FeatureFamily.Events => "events",
        FeatureFamily.AldRelated => "aldrelated",
        _ => "recency",
    };
}
