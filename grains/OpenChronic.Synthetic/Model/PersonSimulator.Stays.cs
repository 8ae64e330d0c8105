namespace OpenChronic.Synthetic.Model;

/// <summary>Hospital stays: at onset, during follow-up, acute episodes, readmissions and deaths in hospital.</summary>
internal sealed partial class PersonSimulator
{
    private const ulong ReadmissionStream = 4;

    /// <summary>
    /// Share of heart-failure discharges followed within 30 days by an admission of another origin (the condition's own
    /// stays, acute stays, final stays): measured at 0.076 (by département) and 0.085 (by establishment) on the seed-7
    /// extract of 40,000 persons, 2019–2021, from the reference units' readmission rates (0.218, 0.226) when every
    /// discharge not yet readmitted drew the full planted probability. The readmission mechanism adds only the rest.
    /// </summary>
    private const double BackgroundReadmission = 0.08;

    private static readonly (string Dp, string Ghm, string? Act, int MinAge)[] s_acute =
    [
        ("K358", "06C09", "HHFA016", 5), ("J189", "04M05", null, 0), ("K802", "07C14", "HMFC004", 20), ("S720", "08C47", null, 70),
    ];

    private void OnsetEvents(PersonHistory h, ref SynthRandom rng)
    {
        for (var c = 0; c < Conditions.Count; c++)
        {
            var onset = h.Conditions[c].Onset;
            if (onset == ConditionState.None || h.Conditions[c].Prevalent || onset > _end)
            {
                continue;
            }

            // The condition is usually found at a GP visit; acute ones start in hospital.
            GpVisit(h, onset, (sbyte)c, ref rng);
            var p = c switch
            {
                Conditions.Stroke => 0.9,
                Conditions.HeartFailure => 0.6,
                Conditions.Coronary => 0.4,
                Conditions.Cancer => 0.7,
                _ => 0.05,
            };
            if (rng.Chance(p))
            {
                ConditionStay(c, h, onset + rng.Next(5), ref rng);
            }

            // Warning stays before heart failure (atrial fibrillation, dyspnoea) and stroke (transient ischaemia).
            if (c == Conditions.HeartFailure && rng.Chance(0.3))
            {
                AddStay(h, Hospital(h, 0.8, ref rng), onset - rng.Between(20, 120), rng.Between(1, 6), rng.Chance(0.5) ? "I480" : "R060",
                    null, "05M09", null, -1, ref rng);
            }
            else if (c == Conditions.Stroke && rng.Chance(0.2))
            {
                AddStay(h, Hospital(h, 0.8, ref rng), onset - rng.Between(10, 200), rng.Between(0, 3), "G459", null, "01M32", null, -1, ref rng);
            }
        }

        if (h.DeathDay <= _end && h.DeathDay >= _start && rng.Chance(0.55))
        {
            var los = rng.Between(1, 15);
            var cause = h.DeathCause ?? "J189";
            var stay = AddStay(h, Hospital(h, 0.8, ref rng), h.DeathDay - los, los, cause, null, "23M20", null, -1, ref rng);
            if (stay >= 0)
            {
                var s = h.Stays[stay];
                s.Death = true;
                h.Stays[stay] = s;
            }
        }
    }

    private void ConditionStay(int c, PersonHistory h, int day, ref SynthRandom rng)
    {
        var profile = Conditions.All[c];
        var chemo = c == Conditions.Cancer && rng.Chance(0.7);
        var los = chemo ? 0 : Math.Max(0, (int)rng.Exponential(c is Conditions.HeartFailure or Conditions.Stroke ? 8 : 4));
        var dp = chemo ? "Z511" : profile.StayCodes[rng.Next(profile.StayCodes.Length)];
        var dr = chemo ? h.Conditions[c].AldCode : null;
        var ghm = chemo ? "28Z07" : profile.Ghm;
        var act = c == Conditions.Coronary && rng.Chance(0.5) ? Acts[5] : null;
        var publicShare = c is Conditions.HeartFailure or Conditions.Stroke ? 0.85 : 0.65;
        var eta = Hospital(h, publicShare, ref rng);
        var stay = AddStay(h, eta, day, los, dp, dr, ghm, act, (sbyte)c, ref rng);
        if (stay < 0 || c != Conditions.HeartFailure)
        {
            return;
        }

        // After a heart-failure discharge: GP follow-up within 7 days (planted by département); readmissions come last (Readmissions).
        var discharge = day + los;
        var territory = _world.Territories[h.Territory];
        if (rng.Chance(territory.GpFollowUp7Days))
        {
            GpVisit(h, discharge + rng.Between(1, 7), (sbyte)c, ref rng);
        }
        else if (rng.Chance(0.7))
        {
            GpVisit(h, discharge + rng.Between(8, 45), (sbyte)c, ref rng);
        }

    }

    /// <summary>
    /// Readmissions, once every other stay is placed, as the indicator <c>readmission_30d_after_hf</c> counts them: each
    /// heart-failure episode (stays chained by transfers; a heart-failure diagnosis in DP or DR, not a session) discharged
    /// alive — readmissions included — is followed by an admission 1 to 30 days later with the planted probability
    /// baseline × département × discharging establishment. An episode already followed by an admission (another
    /// condition, an acute or a final stay) is readmitted already and draws nothing; the others draw
    /// (p − b)/(1 − b), b = <see cref="BackgroundReadmission"/>, so that the share readmitted is p on average, the
    /// planted value the indicator measures. Own random stream, so that the rest of the person does not depend on it.
    /// </summary>
    private void Readmissions(PersonHistory h)
    {
        var rng = new SynthRandom(_seed, ReadmissionStream, (ulong)h.Index);
        var profile = Conditions.All[Conditions.HeartFailure];
        var territory = _world.Territories[h.Territory];
        var last = Math.Min(_end, h.DeathDay);
        var after = int.MinValue;
        while (NextHeartFailureDischarge(h, after, out var discharge, out var eta))
        {
            after = discharge;
            if (discharge >= last || AdmittedBetween(h, discharge + 1, discharge + 30))
            {
                continue;
            }

            var p = Math.Min(0.9, SynthWorld.BaselineReadmission * territory.Readmission * _world.Establishments[eta].Readmission);
            if (rng.Chance((p - BackgroundReadmission) / (1 - BackgroundReadmission)))
            {
                var entry = rng.Between(discharge + 1, Math.Min(discharge + 30, last));
                var los = Math.Min(Math.Max(1, (int)rng.Exponential(7)), last - entry);
                AddStay(h, eta, entry, los, profile.StayCodes[0], null, profile.Ghm, null, Conditions.HeartFailure, ref rng);
            }
        }
    }

    // The first heart-failure episode discharged after day 'after': its discharge day and discharging establishment.
    private static bool NextHeartFailureDischarge(PersonHistory h, int after, out int discharge, out int eta)
    {
        var order = Enumerable.Range(0, h.Stays.Count).OrderBy(i => h.Stays[i].EntryDay).ThenBy(i => i).ToArray();
        var k = 0;
        while (k < order.Length)
        {
            var first = h.Stays[order[k]];
            (discharge, eta) = (first.EntryDay + first.Los, first.Establishment);
            var heartFailure = IsHeartFailureIndex(first);
            var died = first.Death;
            for (k++; k < order.Length && h.Stays[order[k]].EntryDay <= discharge; k++)
            {
                var s = h.Stays[order[k]];
                heartFailure |= IsHeartFailureIndex(s);
                died |= s.Death;
                if (s.EntryDay + s.Los >= discharge)
                {
                    (discharge, eta) = (s.EntryDay + s.Los, s.Establishment);
                }
            }

            if (heartFailure && !died && discharge > after)
            {
                return true;
            }
        }

        (discharge, eta) = (0, -1);
        return false;
    }

    private static bool IsHeartFailureIndex(in StayEvent s) =>
        !s.Ghm.StartsWith("28", StringComparison.Ordinal)
        && (s.Dp.StartsWith("I50", StringComparison.Ordinal) || (s.Dr?.StartsWith("I50", StringComparison.Ordinal) ?? false));

    private static bool AdmittedBetween(PersonHistory h, int from, int to)
    {
        foreach (var s in h.Stays)
        {
            if (s.EntryDay >= from && s.EntryDay <= to && !s.Ghm.StartsWith("28", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private void AcuteStays(PersonHistory h, int age, int m0, int length, ref SynthRandom rng)
    {
        var rate = 0.05 + 0.004 * Math.Max(0, age - 50);
        if (!rng.Chance(rate / 12))
        {
            return;
        }

        var pick = s_acute[rng.Next(s_acute.Length)];
        if (age < pick.MinAge)
        {
            pick = s_acute[1];
        }

        AddStay(h, Hospital(h, pick.Act is null ? 0.8 : 0.5, ref rng), m0 + rng.Next(length), rng.Between(pick.Act is null ? 2 : 1, 9),
            pick.Dp, null, pick.Ghm, pick.Act, -1, ref rng);
    }

    private int Hospital(PersonHistory h, double publicShare, ref SynthRandom rng)
    {
        var pool = rng.Chance(publicShare) ? _world.PublicHospitals[h.Territory] : _world.Clinics[h.Territory];
        return pool[rng.Next(pool.Length)];
    }

    private int AddStay(PersonHistory h, int eta, int entry, int los, string dp, string? dr, string ghm, string? act, sbyte condition,
        ref SynthRandom rng)
    {
        var exit = entry + los;
        if (entry < _start || exit > _end || exit > h.DeathDay)
        {
            return -1;
        }

        // Associated diagnoses: the person's other known conditions.
        string? das1 = null, das2 = null;
        for (var c = 0; c < Conditions.Count; c++)
        {
            if (c != condition && h.Conditions[c].PresentAt(entry) && Conditions.All[c].AldCodes.Length > 0)
            {
                var code = Conditions.All[c].StayCodes[0];
                if (das1 is null)
                {
                    das1 = code;
                }
                else if (das2 is null)
                {
                    das2 = code;
                }
            }
        }

        var severity = (char)('1' + Math.Min(3, (int)(h.Frailty * 1.5)));
        h.Stays.Add(new StayEvent
        {
            Establishment = eta,
            EntryDay = entry,
            Los = los,
            Dp = dp,
            Dr = dr,
            Das1 = das1,
            Das2 = das2,
            Ghm = ghm.StartsWith("28Z", StringComparison.Ordinal) ? ghm + "Z" : ghm + severity,
            Act = act,
            Condition = condition,
            FluxDelay = FluxDelay(ref rng),
        });

        // Private clinics bill their stays in DCIR (TAA privée); a third of public stays also flow there (TAA publique).
        var isPublic = _world.Establishments[eta].Public;
        if (!isPublic || rng.Chance(0.35))
        {
            Add(h, CareKind.Hospital, exit, condition, eta, -1, h.Stays.Count - 1, 1, NewEpisode(h), ref rng);
        }

        return h.Stays.Count - 1;
    }
}
