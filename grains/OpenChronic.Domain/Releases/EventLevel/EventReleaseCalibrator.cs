using System.Collections.Immutable;
using OpenChronic.Domain.Privacy.Calibration;
using OpenChronic.Domain.Privacy.Risk.Attacks;

namespace OpenChronic.Domain.Releases.EventLevel;

/// <summary>
/// Chooses the event-level policy: builds the release for every policy of a small lattice (territory département or
/// région, age bands of 10 or 20 years, months or quarters; national with 20-year bands and quarters last; k raised to the target's smallest safe class; codes
/// generalized within per-system floors, rarer items suppressed), measures each release's risks on its rows
/// (<see cref="EventRisk"/>) and keeps, among those meeting the target, the one with the least
/// <see cref="EventLoss"/>. The target (<see cref="CalibrationTarget"/>, the risk issue's defaults) is read as:
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
        foreach (var territory in (string[])["departement", "region"])
        {
            foreach (var band in (int[])[10, 20])
            {
                foreach (var (unit, before, after) in ((string, int, int)[])[("month", 12, 24), ("quarter", 4, 8)])
                {
                    lattice.Add(basePolicy with
                    {
                        Name = $"calibrated-{territory}-{band}y-{unit}",
                        K = k,
                        Territory = territory,
                        AgeBandYears = band,
                        TimeUnit = unit,
                        UnitsBefore = before,
                        UnitsAfter = after,
                    });
                }
            }
        }

        // the last resort when no finer candidate meets the target (small scopes)
        lattice.Add(basePolicy with { Name = "calibrated-national-20y-quarter", K = k, Territory = "national", AgeBandYears = 20 });
        return lattice;
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
        var measured = ImmutableArray.CreateBuilder<EventCalibrationCandidate>(candidates.Count);
        EventRelease? best = null;
        ImmutableArray<MeasuredRisk> bestRisks = [];
        var bestIndex = -1;
        foreach (var policy in candidates)
        {
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
                if (failure is null && (best is null || loss < EventLoss.Of(best)))
                {
                    best = release;
                    bestRisks = risks;
                    bestIndex = measured.Count;
                }
            }

            measured.Add(candidate);
            progress?.Invoke(candidate);
        }

        if (bestIndex >= 0)
        {
            measured[bestIndex] = measured[bestIndex] with { Verdict = "chosen: least loss meeting the target" };
        }

        return new EventCalibration(target, best, bestRisks, bestIndex < 0 ? null : measured[bestIndex], measured.ToImmutable());
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
