using OpenChronic.Domain.Privacy.Risk;
using OpenChronic.Domain.Privacy.Risk.Attacks;

namespace OpenChronic.Domain.Tests.Privacy.Risk.Attacks;

public sealed class AttackTests
{
    private static readonly int[][] s_people = PersonData.Persons(2000, seed: 17);
    private static readonly AttackTable s_attacked = PersonData.Table(s_people[..1000]);
    private static readonly AttackTable s_control = PersonData.Table(s_people[1000..]);
    private static readonly AttackTable s_attackedGeneralized = PersonData.Table(PersonData.Generalize(s_people[..1000]));
    private static readonly AttackTable s_controlGeneralized = PersonData.Table(PersonData.Generalize(s_people[1000..]));

    // 10,000 attacked and 10,000 control persons (99.6 % unique); banded into 360 classes (mean 28, smallest 12).
    private static readonly int[][] s_many = PersonData.Persons(20_000, seed: 23);
    private static readonly AttackTable s_manyAttacked = PersonData.Table(s_many[..10_000]);
    private static readonly AttackTable s_manyControl = PersonData.Table(s_many[10_000..]);
    private static readonly AttackTable s_manyAttackedBanded = PersonData.Table(PersonData.Band(s_many[..10_000]));
    private static readonly AttackTable s_manyControlBanded = PersonData.Table(PersonData.Band(s_many[10_000..]));

    [Fact]
    public void SinglingOutMultivariate_RawUniqueRelease_HighRisk_BandedRelease_NearZero()
    {
        var raw = SinglingOutAttack.Multivariate(s_manyAttacked, s_manyAttacked, s_manyControl, PersonData.QuasiIdentifiers, 4, 300, seed: 1);
        var banded = SinglingOutAttack.Multivariate(
            s_manyAttackedBanded, s_manyAttackedBanded, s_manyControlBanded, PersonData.QuasiIdentifiers, 4, 300, seed: 1);

        Assert.Equal(300, raw.Attacks);
        Assert.True(raw.Risk.Lower > 0.9, $"raw {raw}");
        Assert.True(raw.BeatsBaseline);
        Assert.Equal(300, banded.Attacks);
        Assert.Equal(0, banded.AttackSuccesses);
        Assert.True(EquivalenceClasses.FromRows(PersonData.Band(s_many[..10_000]).Select(p => (p[0], p[1], p[2], p[3]))).SampleSizes.Min() >= 10);
        Assert.True(banded.Risk.Upper <= 0.05, $"banded {banded}");
    }

    [Fact]
    public void SinglingOutUnivariate_RawRelease_Risky_GeneralizedRelease_NeverSinglesOut()
    {
        var raw = SinglingOutAttack.Univariate(s_attacked, s_attacked, s_control, PersonData.QuasiIdentifiers, 300, seed: 2);
        var generalized = SinglingOutAttack.Univariate(
            s_attackedGeneralized, s_attackedGeneralized, s_controlGeneralized, PersonData.QuasiIdentifiers, 300, seed: 2);

        // Place values seen once in the release single out their person; in the control they do by chance
        // (a value seen once among 1,000 draws of 1,000 codes: about 37 %).
        Assert.True(raw.Risk.Lower > 0.3, $"raw {raw}");
        // The coarse release has only 3 + 1 + 2 + 4 distinct values, hence 10 one-column predicates, none unique.
        Assert.Equal(10, generalized.Attacks);
        Assert.Equal(0, generalized.AttackSuccesses);
        Assert.Equal(0, generalized.Risk.Value);
    }

    [Fact]
    public void Linkability_RawRelease_Linked_GeneralizedRelease_NotLinked()
    {
        AttackColumn[] first = [AttackColumn.Categorical(0), AttackColumn.Categorical(2)];
        AttackColumn[] second = [AttackColumn.Categorical(1), AttackColumn.Categorical(3)];

        var raw = LinkabilityAttack.Run(s_attacked, s_attacked, s_control, first, second, 300, neighbours: 10, seed: 3);
        var generalized = LinkabilityAttack.Run(
            s_attackedGeneralized, s_attackedGeneralized, s_controlGeneralized, first, second, 300, neighbours: 10, seed: 3);

        Assert.True(raw.Risk.Lower > 0.5, $"raw {raw}");
        Assert.True(generalized.Risk.Upper <= 0.1, $"generalized {generalized}");
    }

    [Fact]
    public void Inference_RawRelease_SecretInferred_GeneralizedRelease_NoBetterThanControl()
    {
        var raw = InferenceAttack.Run(s_attacked, s_attacked, s_control, PersonData.QuasiIdentifiers, PersonData.Diagnosis, 300, seed: 4);
        var generalized = InferenceAttack.Run(
            s_attackedGeneralized, s_attackedGeneralized, s_controlGeneralized, PersonData.QuasiIdentifiers, PersonData.Diagnosis, 300, seed: 4);

        Assert.True(raw.Risk.Lower > 0.5, $"raw {raw}");
        // The diagnosis does not depend on the quasi-identifiers: a guess from a class is right about 1 time in 5.
        Assert.InRange(generalized.ControlRate.Value, 0.1, 0.3);
        Assert.True(generalized.Risk.Upper <= 0.15, $"generalized {generalized}");
    }

    [Fact]
    public void Inference_NumericSecret_WithinFivePercentCountsAsCorrect()
    {
        // One numeric secret: the release holds the exact values, the control is shifted by 20 %.
        var aux = Enumerable.Range(0, 200).Select(i => new[] { i }).ToArray();
        var secrets = Enumerable.Range(0, 200).Select(i => new[] { 100.0 + i }).ToArray();
        var release = new AttackTable(aux, secrets);
        var control = new AttackTable(aux, [.. secrets.Select(s => new[] { s[0] * 1.2 })]);

        var result = InferenceAttack.Run(release, release, control, [AttackColumn.Categorical(0)], AttackColumn.Numeric(0), 200, seed: 5);

        Assert.Equal(200, result.AttackSuccesses);
        Assert.Equal(0, result.ControlSuccesses);
    }

    [Fact]
    public void Run_SameSeed_SameResult()
    {
        var a = SinglingOutAttack.Multivariate(s_attacked, s_attacked, s_control, PersonData.QuasiIdentifiers, 2, 200, seed: 9);
        var b = SinglingOutAttack.Multivariate(s_attacked, s_attacked, s_control, PersonData.QuasiIdentifiers, 2, 200, seed: 9);

        Assert.Equal(a, b);
    }

    [Fact]
    public void Run_MismatchedColumns_Throws()
    {
        var other = new AttackTable([[1, 2]], [[0.5]]);

        Assert.Throws<ArgumentException>(() =>
            SinglingOutAttack.Univariate(s_attacked, other, s_control, PersonData.QuasiIdentifiers, 10, seed: 1));
    }

    [Fact]
    public void SinglingOutUnivariate_NumericColumn_MinAndMaxPredicates()
    {
        // Values 1..100 released as they are; the control holds 1.5..100.5. "≤ 1" and "≥ 100" each isolate
        // one attacked person; on the control "≤ 1" isolates nobody and "≥ 100" isolates 100.5.
        var empty = Enumerable.Range(0, 100).Select(_ => Array.Empty<int>()).ToArray();
        var release = new AttackTable(empty, [.. Enumerable.Range(1, 100).Select(v => new[] { (double)v })]);
        var control = new AttackTable(empty, [.. Enumerable.Range(1, 100).Select(v => new[] { v + 0.5 })]);

        var result = SinglingOutAttack.Univariate(release, release, control, [AttackColumn.Numeric(0)], 50, seed: 6);

        Assert.Equal(2, result.Attacks);
        Assert.Equal(2, result.AttackSuccesses);
        Assert.Equal(1, result.ControlSuccesses);
    }

    [Fact]
    public void SinglingOutPredicate_OperatorsAndCap()
    {
        var table = new AttackTable([[1], [1], [2], [3]], [[10.0], [20.0], [30.0], [40.0]]);
        var predicate = new SinglingOutPredicate(
            [new PredicateCondition(AttackColumn.Categorical(0), PredicateOperator.Equal, 1),
             new PredicateCondition(AttackColumn.Numeric(0), PredicateOperator.AtLeast, 15)]);
        var atMost = new SinglingOutPredicate([new PredicateCondition(AttackColumn.Numeric(0), PredicateOperator.AtMost, 30)]);

        Assert.Equal(1, predicate.CountMatches(table));
        Assert.True(predicate.Matches(table, 1));
        Assert.Equal(3, atMost.CountMatches(table));
        Assert.Equal(2, atMost.CountMatches(table, cap: 2));
    }
}
