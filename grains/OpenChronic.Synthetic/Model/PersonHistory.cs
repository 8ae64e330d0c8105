namespace OpenChronic.Synthetic.Model;

/// <summary>The kinds of outpatient care a person receives (each becomes DCIR lines).</summary>
internal enum CareKind : byte
{
    Gp,
    Specialist,
    Nurse,
    Dispensation,
    Biology,
    Act,
    Hospital,
}

/// <summary>One outpatient care event, before it is encoded as DCIR rows.</summary>
internal struct CareEvent
{
    /// <summary>Care date, days since 1970-01-01.</summary>
    public int Day;
    public CareKind Kind;

    /// <summary>Condition the care relates to, or -1.</summary>
    public sbyte Condition;

    /// <summary>Months between care and the flux that carries the claim (0–6).</summary>
    public byte FluxDelay;

    /// <summary>Professional index (establishment index for <see cref="CareKind.Hospital"/>).</summary>
    public int Executor;

    /// <summary>Prescribing professional index, or -1.</summary>
    public int Prescriber;

    /// <summary>CIP13, NABM code, CCAM code index or GHS number, by kind.</summary>
    public long Code;
    public int Quantity;

    /// <summary>Events with the same episode number form one claim (décompte).</summary>
    public int Episode;
}

/// <summary>One hospital stay, before it is encoded as PMSI rows.</summary>
internal struct StayEvent
{
    public int Establishment;
    public int EntryDay;
    public int Los;
    public string Dp;
    public string? Dr;
    public string? Das1;
    public string? Das2;
    public string Ghm;
    public string? Act;
    public bool Death;
    public sbyte Condition;
    public byte FluxDelay;
}

/// <summary>One condition of a person: onset and ALD registration (day numbers, or sentinels).</summary>
internal struct ConditionState
{
    public const int None = int.MaxValue;

    /// <summary>First day of the pre-clinical phase (signals, no diagnosis yet), or <see cref="None"/>.</summary>
    public int PreclinicalStart;
    public int Onset;
    public bool Prevalent;
    public int AldStart;
    public int AldEnd;
    public string AldCode;
    public long Drug1;
    public long Drug2;
    public bool Drug1Large;
    public bool Drug2Large;

    public readonly bool PresentAt(int day) => Onset <= day;

    public readonly bool InAldAt(int day) => AldStart <= day && (AldEnd == SynthCalendar.NoEnd || day < AldEnd);
}

/// <summary>A person's whole simulated history; one instance is reused for many persons.</summary>
internal sealed class PersonHistory
{
    public int Index;
    public int Sex;
    public int BirthYear;
    public int BirthMonth;
    public int Territory;
    public string Commune = "";
    public string Nir = "";
    public string? SecondNir;
    public int NirChangeDay = ConditionState.None;
    public int Rank = 1;
    public int TwinOf = -1;
    public string IdtAno = "";
    public string NirAno = "";
    public double Frailty;
    public double Continuity;
    public double Adherence;
    public int Gp;
    public int Pharmacy;
    public int DeathDay = ConditionState.None;
    public string? DeathCause;
    public readonly ConditionState[] Conditions = new ConditionState[Model.Conditions.Count];
    public readonly List<CareEvent> Events = new(256);
    public readonly List<StayEvent> Stays = new(8);
    public readonly List<(int Year, int Ald, double Risk)> Risks = new(32);
    public readonly List<string> DeathCauses = new(4);
    public int NextEpisode;

    public string NirAt(int day) => SecondNir is not null && day >= NirChangeDay ? SecondNir : Nir;

    public void Reset()
    {
        SecondNir = null;
        NirChangeDay = ConditionState.None;
        Rank = 1;
        TwinOf = -1;
        DeathDay = ConditionState.None;
        DeathCause = null;
        Events.Clear();
        Stays.Clear();
        Risks.Clear();
        DeathCauses.Clear();
        NextEpisode = 0;
        for (var c = 0; c < Conditions.Length; c++)
        {
            Conditions[c] = new ConditionState
            {
                PreclinicalStart = ConditionState.None,
                Onset = ConditionState.None,
                AldStart = ConditionState.None,
                AldEnd = SynthCalendar.NoEnd,
                AldCode = "",
            };
        }
    }
}
