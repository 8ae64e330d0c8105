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

    /// <summary>Builds and measures every candidate; the chosen release (least loss meeting the target) or none.</summary>
    public static EventCalibration Calibrate(
        IReadOnlyList<PathwayPerson> persons, IReadOnlyList<EventReleasePolicy> candidates, CalibrationTarget target,
        ReadOnlySpan<byte> secret, int samples, int seed, Action<EventCalibrationCandidate>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(persons);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(target);
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

        EventRelease? best = null;
        ImmutableArray<MeasuredRisk> bestRisks = [];
        var bestIndex = -1;
        var bestLoss = double.PositiveInfinity;
        foreach (var c in Enumerable.Range(0, candidates.Count).Where(c => measured[c] is null).OrderBy(c => bounds[c]).ThenBy(c => c))
        {
            var policy = candidates[c];
            if (bounds[c] >= bestLoss)
            {
                measured[c] = new EventCalibrationCandidate(policy, policy.Territory, 1, 0, 0, [], $"not built: its loss is at least {bounds[c]:F4}, over the best found {bestLoss:F4}");
                progress?.Invoke(measured[c]!);
                continue;
            }

            var release = EventReleaseBuilder.Build(persons, policy, secret);
            EventCalibrationCandidate candidate;
            if (release.Refusal is { } refusal)
            {
                candidate = new EventCalibrationCandidate(policy, release.Territory, 1, 0, 0, [], "refused: " + refusal);
            }
            else
            {
                var rows = Rows(release);
                var count = Math.Min(samples, rows.Persons.Count);
                var risks = EventRisk.Measure(rows.Persons, rows.Events, policy.M, count, seed);
                var failure = Failure(risks, target, count);
                var loss = EventLoss.Of(release);
                candidate = new EventCalibrationCandidate(policy, release.Territory, loss, release.ItemPrecision,
                    release.OriginalEvents == 0 ? 0 : release.SuppressedEvents / (double)release.OriginalEvents, risks, failure ?? "meets the target");
                if (failure is null && loss < bestLoss)
                {
                    best = release;
                    bestRisks = risks;
                    bestIndex = c;
                    bestLoss = loss;
                }
            }

            measured[c] = candidate;
            progress?.Invoke(candidate);
        }

        if (bestIndex >= 0)
        {
            measured[bestIndex] = measured[bestIndex]! with { Verdict = "chosen: least loss meeting the target" };
        }

        return new EventCalibration(target, best, bestRisks, bestIndex < 0 ? null : measured[bestIndex], [.. measured.Select(m => m!)]);
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
    ImmutableArray<MeasuredRisk> Risks, string Verdict);

/// <summary>The outcome of <see cref="EventReleaseCalibrator.Calibrate"/>: the chosen release (null when no candidate meets the target) and every candidate.</summary>
public sealed record EventCalibration(
    CalibrationTarget Target, EventRelease? Release, ImmutableArray<MeasuredRisk> Risks, EventCalibrationCandidate? Chosen,
    ImmutableArray<EventCalibrationCandidate> Candidates);
