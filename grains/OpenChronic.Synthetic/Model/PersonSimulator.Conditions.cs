namespace OpenChronic.Synthetic.Model;

/// <summary>Onsets, ALD registrations, deaths and the true ALD entry risks.</summary>
internal sealed partial class PersonSimulator
{
    private void PrevalentConditions(PersonHistory h, ref SynthRandom rng)
    {
        var age = AgeAt(h, _startYear) + 1;
        var male = h.Sex == 1;
        for (var c = 0; c < Conditions.Count; c++)
        {
            var profile = Conditions.All[c];
            var p = Math.Min(0.9, profile.PrevalenceAt(age, male) * Multiplier(c, h, _start - 1));
            if (!rng.Chance(p))
            {
                continue;
            }

            // Years since onset: hypertension ALDs all predate the 2011 closure; cancers are recent or cured.
            var maxYears = Math.Max(0.2, Math.Min(c == Conditions.Cancer ? 8 : 15, age - profile.MinAge));
            var minYears = c == Conditions.Hypertension ? Math.Min(9.0, maxYears) : 0.05;
            if (c == Conditions.Hypertension)
            {
                maxYears = Math.Max(maxYears, minYears + 0.1);
            }

            var years = minYears + (maxYears - minYears) * rng.NextDouble();
            var onset = _start - 1 - (int)(years * 365.25);
            h.Conditions[c].Onset = onset;
            h.Conditions[c].Prevalent = true;
            Register(c, onset, h, ref rng);
        }

        PreclinicalAtStart(h, ref rng);
    }

    private void Register(int c, int onset, PersonHistory h, ref SynthRandom rng)
    {
        var profile = Conditions.All[c];
        ref var state = ref h.Conditions[c];
        state.AldCode = profile.AldCodes[rng.Next(profile.AldCodes.Length)];
        var register = rng.Chance(profile.RegisterProbability);
        var lag = (int)rng.Exponential(profile.LagMeanMonths * TrueRisk.DaysPerMonth);
        if (!register)
        {
            return;
        }

        var day = onset + lag;
        if (c == Conditions.Hypertension && day >= SynthCalendar.Day(Conditions.Ald12Closed))
        {
            return;
        }

        if (day > _end || day >= h.DeathDay)
        {
            return;
        }

        state.AldStart = day;

        // ALD 30 is granted for five years (then renewed or ended); the others here have no end date.
        state.AldEnd = c == Conditions.Cancer ? SynthCalendar.Day(SynthCalendar.Date(day).AddYears(5)) : SynthCalendar.NoEnd;
    }

    /// <summary>
    /// Persons not ill at the start may already be in the pre-clinical phase of a coming onset: with the first year's
    /// phase hazard h, a phase begun on one of the D days before the start, P = h·D/365 (the stationary share).
    /// </summary>
    private void PreclinicalAtStart(PersonHistory h, ref SynthRandom rng)
    {
        var age = AgeAt(h, _startYear);
        for (var c = 0; c < Conditions.Count; c++)
        {
            var profile = Conditions.All[c];
            if (profile.IncidenceRatio <= 0 || h.Conditions[c].Onset != ConditionState.None)
            {
                continue;
            }

            var hazard = Hazard(c, h, age, _start - 1);
            if (rng.Chance(hazard * profile.PreclinicalDays / 365.0))
            {
                StartPhase(c, _start - 1 - rng.Next(profile.PreclinicalDays), h, ref rng);
            }
        }
    }

    private double Hazard(int c, PersonHistory h, int age, int day) =>
        Math.Min(0.5, Conditions.All[c].PrevalenceAt(age, h.Sex == 1) * Conditions.All[c].IncidenceRatio * Multiplier(c, h, day));

    /// <summary>The latent state moves into the pre-clinical phase; onset (if within the period) and registration follow.</summary>
    private void StartPhase(int c, int day, PersonHistory h, ref SynthRandom rng)
    {
        ref var state = ref h.Conditions[c];
        state.PreclinicalStart = day;
        var onset = day + Conditions.All[c].PreclinicalDays;
        if (onset <= _end && onset < h.DeathDay)
        {
            state.Onset = onset;
            Register(c, onset, h, ref rng);
        }
    }

    /// <summary>True on the days of the pre-clinical phase of condition <paramref name="c"/> (before its onset).</summary>
    private static bool Preclinical(int c, in ConditionState state, int day) =>
        state.PreclinicalStart != ConditionState.None && day >= state.PreclinicalStart &&
        day - state.PreclinicalStart < Conditions.All[c].PreclinicalDays;

    /// <summary>Days from <paramref name="day"/> to the onset the pre-clinical phase leads to.</summary>
    private static int DaysToOnset(int c, in ConditionState state, int day) =>
        state.PreclinicalStart + Conditions.All[c].PreclinicalDays - day;

    private void SimulateYear(int year, PersonHistory h, ref SynthRandom rng)
    {
        var jan1 = SynthCalendar.Day(year, 1, 1);
        var days = DateTime.IsLeapYear(year) ? 366 : 365;
        var age = AgeAt(h, year);
        var male = h.Sex == 1;
        Span<int> phases = stackalloc int[Conditions.Count];
        phases.Fill(ConditionState.None);

        for (var c = 0; c < Conditions.Count; c++)
        {
            var profile = Conditions.All[c];
            ref var state = ref h.Conditions[c];
            if (profile.IncidenceRatio <= 0 || state.AldStart < jan1)
            {
                // Not at risk: ALD 12 is closed to new entries, or the person is already registered.
                continue;
            }

            // The true risk reads the latent state on 1 January (docs/synthetic.md, True risk), never the future.
            double risk;
            if (state.Onset < jan1)
            {
                risk = TrueRisk.Present(profile, jan1 - state.Onset, days);
            }
            else if (Preclinical(c, state, jan1 - 1))
            {
                risk = TrueRisk.Preclinical(profile, DaysToOnset(c, state, jan1), days);
            }
            else
            {
                var hazard = Hazard(c, h, age, jan1 - 1);
                risk = TrueRisk.Prior(profile, hazard, days);
                if (rng.Chance(hazard))
                {
                    phases[c] = jan1 + rng.Next(days);
                }
            }

            h.Risks.Add((year, profile.Ald, risk));
        }

        // Conditions raise mortality by the worst one's multiplier, plus 15 % per other condition (multiplying
        // them all would compound frailty twice and overshoot France's ~0.9 % deaths a year).
        var worst = 1.0;
        var present = 0;
        for (var c = 0; c < Conditions.Count; c++)
        {
            if (h.Conditions[c].PresentAt(jan1))
            {
                worst = Math.Max(worst, Conditions.All[c].Mortality);
                present++;
            }
        }

        var q = Math.Exp(-11.6 + 0.095 * Math.Max(age, 0)) * (male ? 1.4 : 0.7) * h.Frailty * worst * (1 + 0.15 * Math.Max(0, present - 1));

        if (rng.Chance(Math.Min(0.7, q)))
        {
            h.DeathDay = jan1 + rng.Next(days);
        }

        if (h.DeathDay != ConditionState.None)
        {
            ForgetAfterDeath(h);
        }

        for (var c = 0; c < Conditions.Count; c++)
        {
            if (phases[c] < h.DeathDay)
            {
                StartPhase(c, phases[c], h, ref rng);
            }
        }

        if (h.DeathDay != ConditionState.None)
        {
            DeathCauses(h);
        }
    }

    /// <summary>Onsets and registrations planned for after a death just drawn do not happen.</summary>
    private static void ForgetAfterDeath(PersonHistory h)
    {
        for (var c = 0; c < Conditions.Count; c++)
        {
            ref var state = ref h.Conditions[c];
            if (state.Onset != ConditionState.None && state.Onset >= h.DeathDay)
            {
                state.Onset = ConditionState.None;
            }

            if (state.AldStart != ConditionState.None && state.AldStart >= h.DeathDay)
            {
                state.AldStart = ConditionState.None;
                state.AldEnd = SynthCalendar.NoEnd;
            }
        }
    }

    private static void DeathCauses(PersonHistory h)
    {
        var best = -1;
        for (var c = 0; c < Conditions.Count; c++)
        {
            if (h.Conditions[c].PresentAt(h.DeathDay) &&
                (best < 0 || Conditions.All[c].Mortality > Conditions.All[best].Mortality))
            {
                best = c;
            }
        }

        h.DeathCause = best >= 0 ? Conditions.All[best].StayCodes[0] : s_generalCauses[h.Index % s_generalCauses.Length];
        h.DeathCauses.Add(h.DeathCause);
        for (var c = 0; c < Conditions.Count; c++)
        {
            if (c != best && h.Conditions[c].PresentAt(h.DeathDay))
            {
                h.DeathCauses.Add(Conditions.All[c].StayCodes[0]);
            }
        }
    }

    private static readonly string[] s_generalCauses = ["I219", "J189", "C349", "R99", "I64", "G309", "K746"];

    private void ChooseTreatment(int c, PersonHistory h, ref SynthRandom rng)
    {
        var atc = Conditions.All[c].Atc;
        ref var state = ref h.Conditions[c];
        var first = _world.DrugsFor(atc[0]);
        var d1 = first[rng.Next(first.Length)];
        state.Drug1 = d1.Cip13;
        state.Drug1Large = d1.LargePack;
        if (atc.Length > 1 && rng.Chance(0.6))
        {
            var second = _world.DrugsFor(atc[1 + rng.Next(atc.Length - 1)]);
            var d2 = second[rng.Next(second.Length)];
            state.Drug2 = d2.Cip13;
            state.Drug2Large = d2.LargePack;
        }
        else
        {
            state.Drug2 = 0;
        }
    }
}
