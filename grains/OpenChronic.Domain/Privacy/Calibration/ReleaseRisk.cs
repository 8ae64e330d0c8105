using OpenChronic.Domain.Privacy.Risk;
using OpenChronic.Domain.Privacy.Risk.Attacks;

namespace OpenChronic.Domain.Privacy.Calibration;

/// <summary>
/// Everything measured on one release: the class-based risks (prosecutor; journalist when the population class
/// sizes are known; marketer; sample uniqueness), population uniqueness by Dankar's rule, and the attack-based
/// estimates of the three WP29 criteria (null when the attacks were not run).
/// </summary>
public sealed record ReleaseRisk(
    long Records,
    int Suppressed,
    int Classes,
    RiskSummary Prosecutor,
    RiskSummary? Journalist,
    double Marketer,
    double SampleUniqueness,
    PopulationUniquenessEstimate? PopulationUniqueness,
    AttackRisks? Attacks);

/// <summary>
/// The attack-based risks of a release (Anonymeter-style, see <see cref="SinglingOutAttack"/>): singling out with
/// multi-column and one-column predicates, linkability between two halves of the quasi-identifiers, and inference
/// of a secret column (null when there is none).
/// </summary>
public sealed record AttackRisks(
    AttackResult SinglingOut,
    AttackResult SinglingOutUnivariate,
    AttackResult? Linkability,
    AttackResult? Inference)
{
    /// <summary>Every attack that was run, by name.</summary>
    public IEnumerable<(string Name, AttackResult Result)> All()
    {
        yield return ("singling out", SinglingOut);
        yield return ("singling out (one column)", SinglingOutUnivariate);
        if (Linkability is not null)
        {
            yield return ("linkability", Linkability);
        }

        if (Inference is not null)
        {
            yield return ("inference", Inference);
        }
    }

    /// <summary>The highest upper confidence bound over the attacks.</summary>
    public double HighestUpper => All().Max(a => a.Result.Risk.Upper);

    /// <summary>The attack with the highest upper bound.</summary>
    public string WorstName => All().MaxBy(a => a.Result.Risk.Upper).Name;
}
