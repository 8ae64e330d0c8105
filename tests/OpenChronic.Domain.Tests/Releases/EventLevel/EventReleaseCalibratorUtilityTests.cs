using OpenChronic.Domain.Privacy.Calibration;
using OpenChronic.Domain.Releases;
using OpenChronic.Domain.Releases.EventLevel;

namespace OpenChronic.Domain.Tests.Releases.EventLevel;

public sealed class EventReleaseCalibratorUtilityTests
{
    private static EventCandidateUtility YearsOnly(EventRelease release, List<double> evaluated)
    {
        evaluated.Add(EventLoss.Of(release));
        return new EventCandidateUtility([new MeasuredRisk("unit_is_year", release.Policy.TimeUnit == "year" ? 1 : 0, "test")],
            release.Policy.TimeUnit == "year" ? null : "not a year unit");
    }

    [Fact]
    public void Calibrate_UtilityCheck_ChoosesTheLeastLossCandidateMeetingBothInLossOrder()
    {
        var persons = EventReleaseCalibratorTests.Persons(400, 5);
        var target = new CalibrationTarget();
        var lattice = EventReleaseCalibrator.Lattice(EventReleasePolicy.Default with { MaxSuppressedEvents = 1, MaxSuppressedPersons = 0.2 }, target);
        var plain = EventReleaseCalibrator.Calibrate(persons, lattice, target, EventReleaseCalibratorTests.s_secret, 200, seed: 1);
        var evaluated = new List<double>();

        var result = EventReleaseCalibrator.Calibrate(persons, lattice, target, EventReleaseCalibratorTests.s_secret, 200, seed: 1,
            utility: r => YearsOnly(r, evaluated), maxEvaluations: 60);

        Assert.NotNull(result.Release);
        Assert.Equal("year", result.Release.Policy.TimeUnit);
        Assert.StartsWith("chosen: least loss meeting the target risk and the utility targets", result.Chosen!.Verdict, StringComparison.Ordinal);
        Assert.NotNull(result.Chosen.Utility);
        Assert.True(result.Chosen.Loss >= plain.Chosen!.Loss - 1e-12);
        Assert.Equal(evaluated.Order(), evaluated);
        Assert.Equal(result.Chosen.Loss, evaluated[^1], 12);
        Assert.All(result.Candidates.Where(c => c.Policy.TimeUnit == "year" && c.Verdict.StartsWith("meets", StringComparison.Ordinal)),
            c => Assert.True(c.Loss >= result.Chosen.Loss, c.Policy.Name));
    }

    [Fact]
    public void Calibrate_NoCandidateMeetsTheUtilityCheck_ChoosesTheLeastLossMeetingTheRiskAndSaysSo()
    {
        var persons = EventReleaseCalibratorTests.Persons(400, 5);
        var target = new CalibrationTarget();
        var lattice = EventReleaseCalibrator.Lattice(EventReleasePolicy.Default with { MaxSuppressedEvents = 1, MaxSuppressedPersons = 0.2 }, target);
        var plain = EventReleaseCalibrator.Calibrate(persons, lattice, target, EventReleaseCalibratorTests.s_secret, 200, seed: 1);
        var calls = 0;

        var result = EventReleaseCalibrator.Calibrate(persons, lattice, target, EventReleaseCalibratorTests.s_secret, 200, seed: 1,
            utility: _ => { calls++; return new EventCandidateUtility([], "never"); }, maxEvaluations: 3);

        Assert.Equal(3, calls);
        Assert.Equal(plain.Chosen!.Policy, result.Chosen!.Policy);
        Assert.Contains("none of the 3 least-loss candidates evaluated met the utility targets", result.Chosen.Verdict, StringComparison.Ordinal);
        Assert.Equal(3, result.Candidates.Count(c => c.Utility is not null));
    }
}
