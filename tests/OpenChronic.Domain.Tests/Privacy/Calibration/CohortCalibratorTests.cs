using OpenChronic.Domain.Privacy.Calibration;
using OpenChronic.Domain.Releases;
using OpenChronic.Domain.Tests.Releases;

namespace OpenChronic.Domain.Tests.Privacy.Calibration;

public sealed class CohortCalibratorTests
{
    private static CalibrationOptions Options => CalibrationOptions.Default(3) with { Attacks = 200 };

    [Fact]
    public void Run_RandomMembers_BuildsAReleaseNoLaxerThanTheBasePolicyAndMeetingTheTarget()
    {
        var members = ReleaseData.Members(3_000, 11);
        var target = new CalibrationTarget();

        var calibration = CohortCalibrator.Run("c", 1, members, ReleasePolicy.Default, [], target, Options, ReleaseData.RegionOf);

        Assert.Null(calibration.Refusal);
        var policy = calibration.Policy!;
        Assert.True(policy.K >= target.SmallestSafeClass);
        Assert.True(policy.SuppressionLimit <= ReleasePolicy.Default.SuppressionLimit);
        Assert.True(policy.Km!.K >= target.SmallestSafeClass && policy.Km.M >= ReleasePolicy.Default.Km!.M);
        Assert.All(calibration.Result!.Candidates, c => Assert.True(c.K >= ReleasePolicy.Default.K));
        Assert.Contains(calibration.AttackRisks, r => r.Name == "attack.inference.upper");

        // Published and verified like any release; the recorded class risks meet the target.
        var root = ReleaseData.Root();
        try
        {
            var extras = ReleaseExtras.None with { Risks = calibration.AttackRisks };
            var published = ReleaseWriter.Publish(root, calibration.Content!, "{}", policy, DateTimeOffset.UnixEpoch, null, extras);
            Assert.True(published.Accepted, published.Refusal);
            Assert.True(ReleaseVerifier.Verify(published.Directory!, ReleasePolicy.Default, null).Passed);
            var highest = Assert.Single(published.Manifest!.MeasuredRisks, r => r.Name == ReleaseRisks.HighestProsecutor).Value;
            var average = Assert.Single(published.Manifest.MeasuredRisks, r => r.Name == ReleaseRisks.AverageProsecutor).Value;
            Assert.True(highest <= target.MaxHighestProsecutor && average <= target.MaxAverageProsecutor);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Run_SameSeed_SameChoice()
    {
        var members = ReleaseData.Members(1_500, 5);
        var first = CohortCalibrator.Run("c", 1, members, ReleasePolicy.Default, [], new CalibrationTarget(), Options, ReleaseData.RegionOf);
        var second = CohortCalibrator.Run("c", 1, members, ReleasePolicy.Default, [], new CalibrationTarget(), Options, ReleaseData.RegionOf);

        Assert.Equal(first.Policy, second.Policy);
        Assert.Equal(first.Refusal, second.Refusal);
        Assert.Equal(first.AttackRisks, second.AttackRisks);
    }

    [Fact]
    public void Run_OtherPseudonymKey_SameChoiceAndSameAttackRisks()
    {
        // Each grid draws a fresh pseudonym key, so the members arrive in another pseudonym order every run; the
        // shadow split of the attacks must not depend on it (the demo's releases flipped between runs before).
        var members = ReleaseData.Members(1_500, 5);
        var random = new Random(99);
        var rekeyed = members.Select(m =>
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            return m with { Pseudonym = new Guid(bytes) };
        }).ToList();
        var first = CohortCalibrator.Run("c", 1, members, ReleasePolicy.Default, [], new CalibrationTarget(), Options, ReleaseData.RegionOf);
        var second = CohortCalibrator.Run("c", 1, rekeyed, ReleasePolicy.Default, [], new CalibrationTarget(), Options, ReleaseData.RegionOf);

        Assert.NotEqual(members.OrderBy(m => m.Pseudonym).Select(m => m.Row), rekeyed.OrderBy(m => m.Pseudonym).Select(m => m.Row));
        Assert.Equal(first.Policy, second.Policy);
        Assert.Equal(first.Refusal, second.Refusal);
        Assert.Equal(first.AttackRisks, second.AttackRisks);
    }

    [Fact]
    public void Run_NoKAtLeastTheBasePolicys_IsRefused()
    {
        var calibration = CohortCalibrator.Run("c", 1, ReleaseData.Members(200, 1), ReleasePolicy.Default, [], new CalibrationTarget(),
            Options with { Ks = [2, 3] }, ReleaseData.RegionOf);

        Assert.Null(calibration.Content);
        Assert.Contains("no explored k", calibration.Refusal, StringComparison.Ordinal);
    }
}
