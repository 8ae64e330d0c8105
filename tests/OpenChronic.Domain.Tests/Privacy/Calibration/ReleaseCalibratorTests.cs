using OpenChronic.Domain.Privacy.Anonymity;
using OpenChronic.Domain.Privacy.Calibration;

namespace OpenChronic.Domain.Tests.Privacy.Calibration;

public sealed class ReleaseCalibratorTests
{
    private static readonly CalibrationInput s_cohort = CohortData.Generate(4_000, 42);
    private static readonly CalibrationTarget s_target = new();
    private static readonly CalibrationResult s_result = ReleaseCalibrator.Calibrate(s_cohort, s_target, CalibrationOptions.Default(7));

    [Fact]
    public void Assess_RawQuasiIdentifiersVersusCalibrated_SinglingOutHighThenUnderTarget()
    {
        var options = CalibrationOptions.Default(7);
        var (_, raw) = ReleaseCalibrator.Assess(s_cohort, [0, 0, 0], new AnonymizationPolicy(1), s_target, options);

        Assert.True(raw.Attacks!.SinglingOut.Risk.Value > 0.5, $"raw singling-out risk {raw.Attacks.SinglingOut.Risk.Value}");
        Assert.True(raw.SampleUniqueness > 0.5);
        Assert.NotNull(s_target.Failure(raw));

        var chosen = s_result.Risk!;
        Assert.True(chosen.Attacks!.SinglingOut.Risk.Value <= 0.05, $"calibrated singling-out risk {chosen.Attacks.SinglingOut.Risk.Value}");
        Assert.All(chosen.Attacks.All(), a => Assert.True(a.Result.Risk.Upper <= 0.05 || a.Result.AttackSuccesses <= a.Result.ControlSuccesses, a.Name));
        Assert.True(chosen.Prosecutor.Highest <= 0.09);
        Assert.True(chosen.Prosecutor.Average <= 0.05);
        Assert.Null(s_target.Failure(chosen));
    }

    [Fact]
    public void Calibrate_Default_ChosenHasTheBestUtilityAmongThoseMeetingTheTarget()
    {
        var chosen = s_result.Chosen!;
        Assert.True(chosen.MeetsTarget);
        Assert.True(chosen.K >= 12);
        Assert.Equal(FullDomainRecoding.Apply(s_cohort.Table, chosen.Levels!.Value, new AnonymizationPolicy(chosen.K, chosen.SuppressionLimit)).Rows, s_result.Release!.Rows);
        foreach (var candidate in s_result.Candidates.Where(c => c.Utility is not null && c.Utility.Loss < chosen.Utility!.Loss - 1e-12))
        {
            // Every better policy failed a class target or was attacked and failed.
            Assert.False(candidate.MeetsTarget);
            Assert.True(candidate.Verdict.Contains("prosecutor", StringComparison.Ordinal) || candidate.Attacks is not null, candidate.Verdict);
        }
    }

    [Fact]
    public void Calibrate_SameSeed_SameChoiceAndSameAttacks()
    {
        var again = ReleaseCalibrator.Calibrate(s_cohort, s_target, CalibrationOptions.Default(7));
        Assert.Equal(s_result.Chosen!.Levels!.Value, again.Chosen!.Levels!.Value);
        Assert.Equal(s_result.Risk!.Attacks!.SinglingOut.AttackSuccesses, again.Risk!.Attacks!.SinglingOut.AttackSuccesses);
        Assert.Equal(s_result.Risk.Attacks.Linkability!.ControlSuccesses, again.Risk.Attacks.Linkability!.ControlSuccesses);
    }

    [Fact]
    public void Calibrate_UnreachableTarget_NothingChosen()
    {
        // A smallest class of 100 is out of reach with k ≤ 5.
        var options = CalibrationOptions.Default(7) with { Ks = [2, 5] };
        var result = ReleaseCalibrator.Calibrate(s_cohort, new CalibrationTarget(MaxHighestProsecutor: 0.01), options);
        Assert.False(result.Found);
        Assert.Null(result.Release);
        Assert.All(result.Candidates, c => Assert.Contains("prosecutor", c.Verdict, StringComparison.Ordinal));
    }

    [Fact]
    public void Calibrate_ConditionSets_KmVerifiedForEveryM_AndChosenMIsTheAttackerKnowledge()
    {
        Assert.Equal([1, 2, 3], s_result.SetCandidates.Select(s => s.M));
        Assert.All(s_result.SetCandidates, s => Assert.True(s.Verified));
        Assert.All(s_result.SetCandidates, s => Assert.Equal(12, s.K));
        Assert.Equal(2, s_result.SetCandidates.Single(s => s.Chosen).M);
        Assert.True(s_result.SetCandidates[0].InformationLoss <= s_result.SetCandidates[2].InformationLoss);
        Assert.Equal(4_000, s_result.ReleasedSets!.Value.Length);
        Assert.NotNull(s_result.Risk!.Attacks!.Inference);
    }

    [Fact]
    public void Calibrate_Epsilon_LargestWhoseAdvantageBoundMeetsTheTarget()
    {
        // (e^0.1 − 1 + 2·10⁻⁶)/(e^0.1 + 1) = 0.04996 ≤ 0.05 < (e^0.25 − 1)/(e^0.25 + 1) = 0.1244.
        Assert.Equal(0.1, s_result.ChosenEpsilon);
        var chosen = s_result.EpsilonCandidates.Single(e => e.Chosen);
        Assert.Equal(0.049958, chosen.AdvantageBound, 5);
        Assert.Equal(30, chosen.HalfWidth);
    }
}
