using System.Text;
using OpenChronic.Domain.Releases;

namespace OpenChronic.Domain.Tests.Releases;

public sealed class ReleaseTests : IDisposable
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);
    private readonly string _root = ReleaseData.Root();

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static ReleasePublishResult Publish(string root, string cohort, List<ReleaseMember> members, ReleasePolicy policy,
        IReadOnlyList<ReleaseLedger>? earlier = null, int number = 1)
    {
        var build = ReleaseBuilder.Build(cohort, number, members, policy, earlier ?? [], ReleaseData.RegionOf);
        Assert.True(build.Accepted, build.Refusal);
        return ReleaseWriter.Publish(root, build.Content!, "{}", policy, s_now, null);
    }

    [Fact]
    public void Publish_RandomDataAndPolicies_EveryReleasePassesTheVerifierAndHoldsNoKey()
    {
        var root = _root;
        var random = new Random(20261129);
        var accepted = 0;
        for (var trial = 0; trial < 25; trial++)
        {
            var members = ReleaseData.Members(random.Next(40, 400), random.Next());
            var policy = ReleaseData.Policy(random);
            var build = ReleaseBuilder.Build("c" + trial, 1, members, policy, [], ReleaseData.RegionOf);
            if (!build.Accepted)
            {
                Assert.StartsWith("no generalization", build.Refusal, StringComparison.Ordinal);
                continue;
            }

            var published = ReleaseWriter.Publish(root, build.Content!, "{}", policy, s_now, null);
            Assert.True(published.Accepted, published.Refusal);
            var verification = ReleaseVerifier.Verify(published.Directory!, policy, null);
            Assert.True(verification.Passed, string.Join("\n", verification.Problems));
            Assert.True(verification.Achieved!.K >= policy.K);
            Assert.True(verification.Achieved.KmSupport is null || verification.Achieved.KmSupport >= policy.Km!.K);
            var text = string.Concat(Directory.GetFiles(published.Directory!, "*", SearchOption.AllDirectories).Select(File.ReadAllText));
            Assert.DoesNotContain(members, m => text.Contains(m.PersonHash.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                || text.Contains(m.PersonHash.ToString("x", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
            accepted++;
        }

        Assert.True(accepted >= 15, $"only {accepted} of 25 random releases were accepted");
    }

    [Fact]
    public void Build_KAboveTheCohortSize_IsRefusedWithTheReason()
    {
        var policy = ReleasePolicy.Default with { K = 500 };
        var build = ReleaseBuilder.Build("small", 1, ReleaseData.Members(100, 1), policy, [], ReleaseData.RegionOf);
        Assert.False(build.Accepted);
        Assert.Contains("k (500)", build.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_LDiversityBeyondTheData_IsRefusedWithTheReason()
    {
        // five distinct comorbidity values at most: no class can hold ten
        var policy = ReleasePolicy.Default with { LDiversity = new LDiversitySpec("comorbidities", 10, null) };
        var build = ReleaseBuilder.Build("c", 1, ReleaseData.Members(300, 5), policy, [], ReleaseData.RegionOf);
        Assert.False(build.Accepted);
        Assert.Contains("no generalization of age, sex, territory, index_date meets k = 5 with l-diversity on comorbidities", build.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_PolicyBelowTheCellSizeFloor_IsRefused()
    {
        var build = ReleaseBuilder.Build("c", 1, ReleaseData.Members(100, 2), ReleasePolicy.Default with { MinCellSize = 5 }, [], ReleaseData.RegionOf);
        Assert.False(build.Accepted);
        Assert.Contains("below the SNDS floor of 11", build.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_StricterPolicyOrTamperedFile_FindsTheBreaches()
    {
        var root = _root;
        var policy = ReleasePolicy.Default with { LDiversity = null, Km = null, Sensitive = [] };
        var published = Publish(root, "c", ReleaseData.Members(300, 3), policy);

        var stricter = ReleaseVerifier.Verify(published.Directory!, policy with { K = 1000 }, null);
        Assert.Contains(stricter.Problems, p => p.Contains("fewer than k = 1000", StringComparison.Ordinal));

        File.AppendAllText(Path.Combine(published.Directory!, "tables", "age_sex.csv"), "x;y;3;published\n", Encoding.UTF8);
        var tampered = ReleaseVerifier.Verify(published.Directory!, policy, null);
        Assert.Contains(tampered.Problems, p => p.Contains("SHA-256", StringComparison.Ordinal));
    }

    [Fact]
    public void Publish_SameNumberTwice_IsRefused_ReleasesAreImmutable()
    {
        var root = _root;
        var members = ReleaseData.Members(200, 4);
        Publish(root, "c", members, ReleasePolicy.Default);
        var build = ReleaseBuilder.Build("c", 1, members, ReleasePolicy.Default, [], ReleaseData.RegionOf);
        var again = ReleaseWriter.Publish(root, build.Content!, "{}", ReleasePolicy.Default, s_now, null);
        Assert.False(again.Accepted);
        Assert.Contains("immutable", again.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultPolicy_IsValid() => Assert.Empty(ReleasePolicy.Default.Validate());
}
