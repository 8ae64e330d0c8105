namespace OpenChronic.Grains;

/// <summary>A prediction task as sent to the grid (see <c>PredictionTask</c>).</summary>
/// <param name="Target">ALD number predicted, 0 for any ALD.</param>
/// <param name="IndexYear">Index date = 1 January of this year.</param>
/// <param name="HorizonDays">Time at risk after index.</param>
/// <param name="LookbackDays">Feature lookback before index.</param>
/// <param name="MinimumAge">Youngest age at index.</param>
[GenerateSerializer, Immutable, Alias("OpenChronic.FeatureRequest")]
public sealed record FeatureRequest(
    [property: Id(0)] int Target,
    [property: Id(1)] int IndexYear,
    [property: Id(2)] int HorizonDays,
    [property: Id(3)] int LookbackDays,
    [property: Id(4)] int MinimumAge);

/// <summary>
/// Feature rows of a request, with no patient key: a sparse matrix over <see cref="Names"/> (CSR), labels, a reference
/// risk per row (NaN when unknown), monthly sequences, the attrition (persons per <c>TaskOutcome</c>), and the observable-signal oracle's risk per row (NaN when unknown). Row numbers are
/// local to the message and their order says nothing about who they are.
/// </summary>
[GenerateSerializer, Immutable, Alias("OpenChronic.FeatureBlockMessage")]
public sealed record FeatureBlockMessage(
    [property: Id(0)] string[] Names,
    [property: Id(1)] int[] RowStarts,
    [property: Id(2)] int[] Columns,
    [property: Id(3)] float[] Values,
    [property: Id(4)] bool[] Labels,
    [property: Id(5)] float[] Reference,
    [property: Id(6)] float[] Sequences,
    [property: Id(7)] int Months,
    [property: Id(8)] int Channels,
    [property: Id(9)] int[] Attrition,
    [property: Id(10)] float[] Oracle);

/// <summary>
/// What the synthetic truth tells a patient's row (never leaves the grid but as the row's reference columns): the
/// generator's risk of the target for the index year, and the pre-clinical phases of the target ALDs the person is in
/// on the index date (for the observable-signal oracle).
/// </summary>
[GenerateSerializer, Immutable, Alias("OpenChronic.TruthReference")]
public sealed record TruthReference(
    [property: Id(0)] float Risk,
    [property: Id(1)] PreclinicalPhaseRecord[] Phases);

/// <summary>A pre-clinical phase on the index date: ALD, first day, onset day, risk of the index year and of the year before.</summary>
[GenerateSerializer, Immutable, Alias("OpenChronic.PreclinicalPhaseRecord")]
public sealed record PreclinicalPhaseRecord(
    [property: Id(0)] int Ald,
    [property: Id(1)] int StartDay,
    [property: Id(2)] int OnsetDay,
    [property: Id(3)] float Risk,
    [property: Id(4)] float PreviousRisk);
