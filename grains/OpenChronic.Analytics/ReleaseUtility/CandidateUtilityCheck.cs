using System.Globalization;
using OpenChronic.Domain.Releases;
using OpenChronic.Domain.Releases.EventLevel;

namespace OpenChronic.Analytics.ReleaseUtility;

/// <summary>
/// The utility check the event-level calibration runs on its least-loss candidates (<see cref="EventReleaseCalibrator"/>):
/// the utility report's figures that depend on the rows and cost seconds — the ALD prediction's AUC loss (target
/// ≤ 0.02, the issue's) and the treatment-line distances (first drug class, number of drug classes: recorded, no target).
/// The per-territory figures come from the aggregate tables, which do not depend on the candidate's rows, so they are
/// not part of the choice. An AUC that cannot be computed (one outcome class) does not fail the check.
/// </summary>
public static class CandidateUtilityCheck
{
    /// <summary>The AUC-loss target of issue #14.</summary>
    public const double MaxAucLoss = 0.02;

    /// <summary>Evaluates <paramref name="release"/> against the original items of its persons.</summary>
    public static EventCandidateUtility Evaluate(IReadOnlyList<PathwayPerson> persons, EventRelease release, int seed)
    {
        ArgumentNullException.ThrowIfNull(release);
        var pairs = UtilityPairs.Of(persons, release);
        var (original, released, _) = PredictionUtility.Compare(pairs, seed);
        var loss = original - released;
        var (firstLine, classes) = EventUtilityReport.TreatmentLineDistances(pairs, release.Policy.TimeUnit, release.Policy.AtcFloor);
        MeasuredRisk[] figures =
        [
            new("auc_loss", loss, string.Create(CultureInfo.InvariantCulture, $"AUC {original:F4} on original items − {released:F4} on released items (target ≤ {MaxAucLoss})")),
            new("treatment_first_line_tvd", firstLine, "total variation distance of the first drug class from the reference on"),
            new("treatment_classes_tvd", classes, "total variation distance of the number of distinct drug classes per person"),
        ];
        return new EventCandidateUtility([.. figures],
            loss > MaxAucLoss ? string.Create(CultureInfo.InvariantCulture, $"AUC loss {loss:F4} > {MaxAucLoss}") : null);
    }
}
