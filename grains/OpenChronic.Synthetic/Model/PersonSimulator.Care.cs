namespace OpenChronic.Synthetic.Model;

/// <summary>Outpatient care month by month: GP and specialist visits, dispensations, biology, nursing, signals.</summary>
internal sealed partial class PersonSimulator
{
    /// <summary>CCAM codes (IR_CCAM_V63) used by the simulated acts; <see cref="CareEvent.Code"/> indexes this list.</summary>
    public static readonly string[] Acts = ["DEQP003", "DZQM006", "ZBQK002", "GLQP012", "ZCQK004", "DDAF006", "HHFA016", "HMFC004", "NFKA007"];

    private const int Ecg = 0;
    private const int Echocardiography = 1;
    private const int ChestXray = 2;
    private const int Spirometry = 3;
    private const int AbdominalScan = 4;

    private void Care(PersonHistory h, ref SynthRandom rng)
    {
        var territory = _world.Territories[h.Territory];
        var last = Math.Min(_end, h.DeathDay);
        var firstMonth = SynthCalendar.MonthIndex(_start);
        var lastMonth = SynthCalendar.MonthIndex(last);
        OnsetEvents(h, ref rng);
        for (var month = firstMonth; month <= lastMonth; month++)
        {
            var m0 = SynthCalendar.MonthStart(month);
            var m1 = Math.Min(SynthCalendar.MonthStart(month + 1) - 1, last);
            var length = m1 - m0 + 1;
            var age = month / 12 - h.BirthYear;
            var active = 0;
            double gpRate = age < 5 ? 4 : age < 18 ? 1.5 : age < 40 ? 2 : age < 60 ? 2.5 : age < 75 ? 4 : 6;
            for (var c = 0; c < Conditions.Count; c++)
            {
                ref var state = ref h.Conditions[c];
                if (Active(c, state, m0))
                {
                    active++;
                    ChronicMonth(c, h, month, m0, length, territory, ref rng);
                }
                else if (Preclinical(c, state, m0))
                {
                    gpRate += 2.5;
                    Prodrome(c, h, m0, length, ref rng);
                }
            }

            gpRate = (gpRate + 1.2 * active) * Math.Sqrt(h.Frailty);
            for (var n = rng.Poisson(gpRate / 12); n > 0; n--)
            {
                var day = m0 + rng.Next(length);
                var gp = GpVisit(h, day, -1, ref rng);
                if (rng.Chance(0.55))
                {
                    var pool = _world.DrugsFor(SynthWorld.AcuteAtc[rng.Next(SynthWorld.AcuteAtc.Length)]);
                    Dispense(h, Math.Min(day + rng.Next(2), last), -1, pool[rng.Next(pool.Length)].Cip13, gp, NewEpisode(h), ref rng);
                }
            }

            if (age >= 40 && rng.Chance(0.7 / 12))
            {
                var episode = NewEpisode(h);
                var day = m0 + rng.Next(length);
                Lab(h, day, -1, 1104, episode, ref rng);
                Lab(h, day, -1, 552, episode, ref rng);
                if (rng.Chance(0.5))
                {
                    Lab(h, day, -1, 996, episode, ref rng);
                }
            }

            if (age >= 75 && active >= 2)
            {
                var nurses = _world.Nurses[h.Territory];
                var nurse = nurses[h.Index % nurses.Length];
                for (var n = rng.Poisson(8.0 / 12); n > 0; n--)
                {
                    Add(h, CareKind.Nurse, m0 + rng.Next(length), -1, nurse, h.Gp, 3111, 1, NewEpisode(h), ref rng);
                }
            }

            AcuteStays(h, age, m0, length, ref rng);
        }
    }

    private static bool Active(int c, in ConditionState state, int day) =>
        state.Onset <= day && (c != Conditions.Cancer || day - state.Onset < 5 * 365);

    private void ChronicMonth(int c, PersonHistory h, int month, int m0, int length, Territory territory, ref SynthRandom rng)
    {
        var profile = Conditions.All[c];
        ref var state = ref h.Conditions[c];
        var sc = (sbyte)c;

        // Monthly dispensations with imperfect adherence; large packs cover three months.
        if (rng.Chance(h.Adherence))
        {
            var episode = NewEpisode(h);
            var day = m0 + rng.Next(length);
            var prescriber = c is Conditions.Cancer or Conditions.Psychiatric ? Specialist(h, profile.Specialty, ref rng) : h.Gp;
            if (!state.Drug1Large || month % 3 == 0)
            {
                Dispense(h, day, sc, state.Drug1, prescriber, episode, ref rng);
            }

            if (state.Drug2 != 0 && (!state.Drug2Large || month % 3 == 0))
            {
                Dispense(h, day, sc, state.Drug2, prescriber, episode, ref rng);
            }
        }

        for (var n = rng.Poisson(profile.SpecialistVisits / 12); n > 0; n--)
        {
            var day = m0 + rng.Next(length);
            var episode = NewEpisode(h);
            var spe = Specialist(h, profile.Specialty, ref rng);
            Add(h, CareKind.Specialist, day, sc, spe, -1, 1112, 1, episode, ref rng);
            if (profile.Specialty == 3 && rng.Chance(0.7))
            {
                Add(h, CareKind.Act, day, sc, spe, -1, rng.Chance(0.3) ? Echocardiography : Ecg, 1, episode, ref rng);
            }
            else if (profile.Specialty == 13 && rng.Chance(0.6))
            {
                Add(h, CareKind.Act, day, sc, spe, -1, Spirometry, 1, episode, ref rng);
            }
        }

        var bioRate = profile.BiologyPerYear * (c == Conditions.Diabetes ? territory.Hba1cRate : 1.0);
        for (var n = rng.Poisson(bioRate / 12); n > 0; n--)
        {
            var day = m0 + rng.Next(length);
            var episode = NewEpisode(h);
            Lab(h, day, sc, profile.Biology[0], episode, ref rng);
            for (var k = 1; k < profile.Biology.Length; k++)
            {
                if (rng.Chance(0.4))
                {
                    Lab(h, day, sc, profile.Biology[k], episode, ref rng);
                }
            }
        }

        var stayRate = profile.StaysPerYear * Math.Sqrt(h.Frailty) * (c == Conditions.Cancer && m0 - state.Onset < 365 ? 6 : 1);
        for (var n = rng.Poisson(stayRate / 12); n > 0; n--)
        {
            ConditionStay(c, h, m0 + rng.Next(length), ref rng);
        }
    }

    /// <summary>Signals in the months before onset: tests, symptomatic treatment and imaging that announce the condition.</summary>
    private void Prodrome(int c, PersonHistory h, int m0, int length, ref SynthRandom rng)
    {
        var day = m0 + rng.Next(length);
        switch (c)
        {
            case Conditions.Diabetes when rng.Chance(0.3):
                Lab(h, day, -1, 552, NewEpisode(h), ref rng);
                break;
            case Conditions.Kidney when rng.Chance(0.3):
                Lab(h, day, -1, 593, NewEpisode(h), ref rng);
                break;
            case Conditions.HeartFailure when DaysToOnset(c, h.Conditions[c], m0) < 180 && rng.Chance(0.5):
                Dispense(h, day, -1, _world.DrugsFor("C03CA")[h.Index % _world.DrugsFor("C03CA").Length].Cip13, h.Gp, NewEpisode(h), ref rng);
                break;
            case Conditions.Respiratory when rng.Chance(0.35):
                Dispense(h, day, -1, _world.DrugsFor("R03AC")[h.Index % _world.DrugsFor("R03AC").Length].Cip13, h.Gp, NewEpisode(h), ref rng);
                break;
            case Conditions.Coronary when rng.Chance(0.15):
                Add(h, CareKind.Act, day, -1, Specialist(h, 3, ref rng), h.Gp, Ecg, 1, NewEpisode(h), ref rng);
                break;
            case Conditions.Cancer when rng.Chance(0.2):
                Add(h, CareKind.Act, day, -1, _world.Labs[h.Territory][0], h.Gp, rng.Chance(0.5) ? AbdominalScan : ChestXray, 1, NewEpisode(h), ref rng);
                break;
            case Conditions.Psychiatric when rng.Chance(0.3):
                Dispense(h, day, -1, _world.DrugsFor("N06AB")[h.Index % _world.DrugsFor("N06AB").Length].Cip13, h.Gp, NewEpisode(h), ref rng);
                break;
            default:
                break;
        }
    }

    private int GpVisit(PersonHistory h, int day, sbyte condition, ref SynthRandom rng)
    {
        var gps = _world.Gps[h.Territory];
        var gp = rng.Chance(h.Continuity) ? h.Gp : gps[rng.Next(gps.Length)];
        Add(h, CareKind.Gp, day, condition, gp, -1, 1110, 1, NewEpisode(h), ref rng);
        return gp;
    }

    private int Specialist(PersonHistory h, int specialty, ref SynthRandom rng) => _world.Specialist(h.Territory, specialty, ref rng);

    private void Dispense(PersonHistory h, int day, sbyte condition, long cip13, int prescriber, int episode, ref SynthRandom rng) =>
        Add(h, CareKind.Dispensation, day, condition, h.Pharmacy, prescriber, cip13, 1, episode, ref rng);

    private void Lab(PersonHistory h, int day, sbyte condition, int nabm, int episode, ref SynthRandom rng)
    {
        var labs = _world.Labs[h.Territory];
        Add(h, CareKind.Biology, day, condition, labs[h.Index % labs.Length], h.Gp, nabm, 1, episode, ref rng);
    }

    private static int NewEpisode(PersonHistory h) => h.NextEpisode++;

    private void Add(PersonHistory h, CareKind kind, int day, sbyte condition, int executor, int prescriber, long code, int quantity,
        int episode, ref SynthRandom rng)
    {
        if (day < _start || day > _end || day > h.DeathDay)
        {
            return;
        }

        h.Events.Add(new CareEvent
        {
            Day = day,
            Kind = kind,
            Condition = condition,
            FluxDelay = FluxDelay(ref rng),
            Executor = executor,
            Prescriber = prescriber,
            Code = code,
            Quantity = quantity,
            Episode = episode,
        });
    }
}
