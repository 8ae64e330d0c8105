using System.Collections.Immutable;
using OpenChronic.Domain.Privacy.Calibration;
using OpenChronic.Domain.Privacy.Risk.Attacks;

namespace OpenChronic.Domain.Releases.EventLevel;

/// <summary>
/// Chooses the event-level policy: a lattice of candidate policies — territory (département, région, national) × age
/// band (10, 20, 40 years) × time unit (quarter, semester, year, with windows of about one year before and two after
/// the reference) × code floors (the base policy's, or coarse: ATC level 2, ICD chapter, CCAM / NABM / GHM chapter),
/// local recoding (generalization, then rare combinations suppressed only from the persons holding them — at 20,000
/// persons it suppressed 8 to 10 points fewer items than global suppression and halved the AUC loss),
/// k raised to the target's smallest safe class, suppression not capped (<see cref="EventLoss"/> counts every
/// suppressed item, so the limit is a calibrated outcome, not a wall). Each candidate is first screened on its
/// quasi-identifiers alone (cheap): one whose territory would fall back to a coarser level duplicates that level's
/// candidate, one whose mean class size misses the mean prosecutor target cannot meet it; then candidates are built in
/// increasing order of a lower bound of their loss (1 − quasi-identifier precision × precision of the starting period
/// × share of persons kept) and the search stops when the bound reaches the best loss found (branch and bound: no
/// skipped candidate could have been chosen). A built release's risks are measured on its rows
/// (<see cref="EventRisk"/>). The target (<see cref="CalibrationTarget"/>, the risk issue's defaults) is read as:
/// highest prosecutor risk on the quasi-identifiers and highest risk of the attack knowing the quasi-identifiers and
/// m events both ≤ <see cref="CalibrationTarget.MaxHighestProsecutor"/>, mean prosecutor risk ≤
/// <see cref="CalibrationTarget.MaxAverageProsecutor"/>, and the Wilson upper bound of the share of attacked persons
/// singled out (with or without the quasi-identifiers) ≤ <see cref="CalibrationTarget.MaxAttackUpper"/>.
/// </summary>
public static class EventReleaseCalibrator
{
    /// <summary>The candidate policies derived from <paramref name="basePolicy"/>, finest first.</summary>
    public static IReadOnlyList<EventReleasePolicy> Lattice(EventReleasePolicy basePolicy, CalibrationTarget target)
    {
        ArgumentNullException.ThrowIfNull(basePolicy);
        ArgumentNullException.ThrowIfNull(target);
        var k = Math.Max(basePolicy.K, target.SmallestSafeClass);
        var lattice = new List<EventReleasePolicy>();
        foreach (var territory in (string[])["departement", "region", "national"])
        {
            foreach (var band in (int[])[10, 20, 40])
            {
                foreach (var (unit, before, after) in ((string, int, int)[])[("quarter", 4, 8), ("semester", 2, 4), ("year", 1, 2)])
                {
                    foreach (var coarse in (bool[])[false, true])
                    {
                        var policy = basePolicy with
                        {
                            Name = $"calibrated-{territory}-{band}y-{unit}{(coarse ? "-coarse" : "")}",
                            K = k,
                            Territory = territory,
                            AgeBandYears = band,
                            TimeUnit = unit,
                            UnitsBefore = before,
                            UnitsAfter = after,
                            MaxSuppressedEvents = 1,
                            Recoding = "local",
                        };
                        lattice.Add(coarse ? policy with { AtcFloor = Math.Min(basePolicy.AtcFloor, 3), IcdFloor = "chapter", ActFloor = Math.Min(basePolicy.ActFloor, 1) } : policy);
                    }
                }
            }
        }

        return lattice;
    }

    /// <summary>A lower bound of the loss of any release under <paramref name="policy"/> keeping <paramref name="keptShare"/> of the persons.</summary>
    public static double LossBound(EventReleasePolicy policy, string territory, double keptShare)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var period = EventLoss.PeriodPrecision(EventCodes.Period(0, 0, policy), policy.TimeUnit);
        return 1 - (EventLoss.QuasiIdentifierPrecision(territory, policy.AgeBandYears) * period * keptShare);
    }

    /// <summary>Why the measured risks miss the target, or null when they meet it.</summary>
    public static string? Failure(IReadOnlyList<MeasuredRisk> risks, CalibrationTarget target, int samples)
    {
        ArgumentNullException.ThrowIfNull(risks);
        ArgumentNullException.ThrowIfNull(target);
        double Value(string name) => risks.FirstOrDefault(r => r.Name == name)?.Value ?? 1;
        double Upper(string name) => samples == 0 ? 1 : AttackStatistics.Wilson((int)Math.Round(Value(name) * samples), samples) is var w ? w.Value + w.Error : 1;
        return Value("prosecutor_qi_max") > target.MaxHighestProsecutor ? $"prosecutor risk {Value("prosecutor_qi_max"):F3} > {target.MaxHighestProsecutor:F3}"
            : Value("prosecutor_qi_mean") > target.MaxAverageProsecutor ? $"mean prosecutor risk {Value("prosecutor_qi_mean"):F3} > {target.MaxAverageProsecutor:F3}"
            : Value("m_event_qi_attack_max") > target.MaxHighestProsecutor ? $"QI + m-event attack risk {Value("m_event_qi_attack_max"):F3} > {target.MaxHighestProsecutor:F3}"
            : Upper("m_event_qi_attack_singled_out") > target.MaxAttackUpper ? $"QI + m-event singling out, upper bound {Upper("m_event_qi_attack_singled_out"):F3} > {target.MaxAttackUpper:F3}"
            : Upper("m_event_attack_singled_out") > target.MaxAttackUpper ? $"m-event singling out, upper bound {Upper("m_event_attack_singled_out"):F3} > {target.MaxAttackUpper:F3}"
            : null;
    }

    /// <summary>
    /// Builds and measures the candidates and chooses the release: the least-loss candidate that meets the target
    /// risk and, when <paramref name="utility"/> is given, the utility targets it checks. Candidates are built in
    /// increasing order of their loss bound and the risk-meeting ones wait in a queue ordered by loss; the queue's
    /// least loss is evaluated for utility as soon as no unbuilt candidate can have a smaller loss (its bound is
    /// higher), so evaluations happen in exact order of loss and the first that meets the utility targets is the
    /// least-loss candidate meeting both. At most <paramref name="maxEvaluations"/> are evaluated; when none meets the
    /// utility targets, the least-loss candidate meeting the target risk is chosen and its verdict says so.
    /// </summary>
    public static EventCalibration Calibrate(
        IReadOnlyList<PathwayPerson> persons, IReadOnlyList<EventReleasePolicy> candidates, CalibrationTarget target,
        ReadOnlySpan<byte> secret, int samples, int seed, Action<EventCalibrationCandidate>? progress = null,
        Func<EventRelease, EventCandidateUtility>? utility = null, int maxEvaluations = 8)
    {
        ArgumentNullException.ThrowIfNull(persons);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEvaluations, 1);
        var measured = new EventCalibrationCandidate?[candidates.Count];
        var bounds = new double[candidates.Count];
        for (var c = 0; c < candidates.Count; c++)
        {
            var policy = candidates[c];
            var (territory, withheld, classes) = EventReleaseBuilder.Screen(persons, policy);
            var kept = persons.Count - withheld;
            bounds[c] = LossBound(policy, territory, persons.Count == 0 ? 0 : kept / (double)persons.Count);
            var duplicate = territory != policy.Territory
                ? candidates.FirstOrDefault(o => o.Territory == territory && o with { Name = "" } == policy with { Name = "", Territory = territory })
                : null;
            var skip = policy.Validate() is { } invalid ? "refused: " + invalid
                : withheld > policy.MaxSuppressedPersons * persons.Count ? $"refused: {withheld} persons in classes under k = {policy.K} even at the national level"
                : duplicate is not null ? $"not built: its territory falls back to {territory}, as {duplicate.Name}"
                : kept > 0 && classes / (double)kept > target.MaxAverageProsecutor ? $"not built: {classes} classes for {kept} persons, mean prosecutor risk {classes / (double)kept:F3} > {target.MaxAverageProsecutor:F3}"
                : null;
            if (skip is not null)
            {
                measured[c] = new EventCalibrationCandidate(policy, territory, 1, 0, 0, [], skip);
                progress?.Invoke(measured[c]!);
            }
        }

        var order = Enumerable.Range(0, candidates.Count).Where(c => measured[c] is null).OrderBy(c => bounds[c]).ThenBy(c => c).ToList();
        // only the queue's least-loss release stays in memory; another is rebuilt (deterministically) when its turn comes
        var pending = new List<(int Index, EventRelease? Release, ImmutableArray<MeasuredRisk> Risks, double Loss)>();
        (int Index, EventRelease Release, ImmutableArray<MeasuredRisk> Risks, double Loss)? chosen = null, fallback = null;
        var evaluations = 0;
        var next = 0;
        while (chosen is null)
        {
            var nextBound = next < order.Count ? bounds[order[next]] : double.PositiveInfinity;
            if (pending.Count > 0 && pending.Min(p => p.Loss) is var least && least <= nextBound)
            {
                // no unbuilt candidate can have a smaller loss: this one is next in order of loss
                var head = pending.Where(p => p.Loss == least).MinBy(p => p.Index);
                pending.Remove(head);
                var best = (head.Index, Release: head.Release ?? EventReleaseBuilder.Build(persons, candidates[head.Index], secret), head.Risks, head.Loss);
                if (utility is null)
                {
                    chosen = best;
                    break;
                }

                var check = utility(best.Release);
                evaluations++;
                fallback ??= best;
                measured[best.Index] = measured[best.Index]! with
                {
                    Utility = check.Figures,
                    Verdict = check.Failure is null ? "meets the target risk and the utility targets" : "meets the target risk; utility: " + check.Failure,
                };
                progress?.Invoke(measured[best.Index]!);
                if (check.Failure is null)
                {
                    chosen = best;
                }
                else if (evaluations >= maxEvaluations)
                {
                    break;
                }

                continue;
            }

            if (next >= order.Count)
            {
                break;
            }

            var c = order[next++];
            var policy = candidates[c];
            var release = EventReleaseBuilder.Build(persons, policy, secret);
            if (release.Refusal is { } refusal)
            {
                measured[c] = new EventCalibrationCandidate(policy, release.Territory, 1, 0, 0, [], "refused: " + refusal);
            }
            else
            {
                var rows = Rows(release);
                var count = Math.Min(samples, rows.Persons.Count);
                var risks = EventRisk.Measure(rows.Persons, rows.Events, policy.M, count, seed);
                var failure = Failure(risks, target, count);
                var loss = EventLoss.Of(release);
                measured[c] = new EventCalibrationCandidate(policy, release.Territory, loss, release.ItemPrecision,
                    release.OriginalEvents == 0 ? 0 : release.SuppressedEvents / (double)release.OriginalEvents, risks, failure ?? "meets the target");
                if (failure is null)
                {
                    var queueLeast = pending.Count == 0 ? double.PositiveInfinity : pending.Min(p => p.Loss);
                    if (loss < queueLeast)
                    {
                        for (var i = 0; i < pending.Count; i++)
                        {
                            pending[i] = pending[i] with { Release = null };
                        }
                    }

                    pending.Add((c, loss < queueLeast ? release : null, risks, loss));

                    // only the least-loss ones can still be evaluated: the others leave the queue
                    var room = utility is null ? 1 : maxEvaluations - evaluations;
                    foreach (var dropped in pending.OrderBy(p => p.Loss).ThenBy(p => p.Index).Skip(room).ToList())
                    {
                        pending.Remove(dropped);
                        if (utility is not null)
                        {
                            measured[dropped.Index] = measured[dropped.Index]! with { Verdict = "meets the target risk; not evaluated for utility (more than the evaluation limit have less loss)" };
                        }
                    }
                }
            }

            progress?.Invoke(measured[c]!);
        }

        var pick = chosen ?? fallback;
        foreach (var c in order.Where(c => measured[c] is null))
        {
            measured[c] = new EventCalibrationCandidate(candidates[c], candidates[c].Territory, 1, 0, 0, [],
                pick is { } p ? $"not built: its loss is at least {bounds[c]:F4}, over the chosen {p.Loss:F4}" : "not built");
            progress?.Invoke(measured[c]!);
        }

        foreach (var p in utility is null ? [] : pending)
        {
            measured[p.Index] = measured[p.Index]! with { Verdict = "meets the target risk; not evaluated for utility (its loss is over the chosen one's)" };
        }

        if (pick is not { } picked)
        {
            return new EventCalibration(target, null, [], null, [.. measured.Select(m => m!)]);
        }

        measured[picked.Index] = measured[picked.Index]! with
        {
            Verdict = utility is null ? "chosen: least loss meeting the target"
                : chosen is not null ? "chosen: least loss meeting the target risk and the utility targets"
                : $"chosen: least loss meeting the target risk; none of the {evaluations} least-loss candidates evaluated met the utility targets ({measured[picked.Index]!.Verdict})",
        };
        return new EventCalibration(target, picked.Release, picked.Risks, measured[picked.Index], [.. measured.Select(m => m!)]);
    }

    /// <summary>The released rows as the files hold them (person, age band, sex, territory, reference; person, kind, code, period).</summary>
    public static (List<string[]> Persons, List<string[]> Events) Rows(EventRelease release)
    {
        ArgumentNullException.ThrowIfNull(release);
        return ([.. release.Persons.Select(p => new[] { p.Person, p.AgeBand, p.Sex, p.Territory, p.Reference })],
            [.. release.Events.Select(e => new[] { e.Person, e.Kind, e.Code, e.Period })]);
    }
}

/// <summary>One measured candidate of <see cref="EventReleaseCalibrator"/>: its policy, the territory it ended at, loss, item precision, suppressed share, risks and verdict.</summary>
public sealed record EventCalibrationCandidate(
    EventReleasePolicy Policy, string Territory, double Loss, double ItemPrecision, double SuppressedEvents,
    ImmutableArray<MeasuredRisk> Risks, string Verdict)
{
    /// <summary>The utility figures the calibration evaluated on this candidate (null when not evaluated).</summary>
    public ImmutableArray<MeasuredRisk>? Utility { get; init; }
}

/// <summary>What a utility check of a calibration candidate found: its figures, and why it misses the utility targets (null when it meets them).</summary>
public sealed record EventCandidateUtility(ImmutableArray<MeasuredRisk> Figures, string? Failure);

/// <summary>The outcome of <see cref="EventReleaseCalibrator.Calibrate"/>: the chosen release (null when no candidate meets the target) and every candidate.</summary>
public sealed record EventCalibration(
    CalibrationTarget Target, EventRelease? Release, ImmutableArray<MeasuredRisk> Risks, EventCalibrationCandidate? Chosen,
    ImmutableArray<EventCalibrationCandidate> Candidates);
