namespace OpenChronic.Grains;

/// <summary>
/// One patient's care pathway. Keyed by a keyed pseudonym of <c>BEN_IDT_ANO</c> (never the identifier itself), it
/// accumulates the events that ingestion workers send, one call per work unit, and derives the pathway from them.
/// </summary>
[Alias("OpenChronic.IPatientGrain")]
public interface IPatientGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Applies one work unit's events for this patient. A unit already applied is ignored, so a retried or
    /// duplicated unit changes nothing; returns false in that case.
    /// </summary>
    [Alias("ApplyUnit")]
    ValueTask<bool> ApplyUnitAsync(UnitEvents unit);

    /// <summary>The patient's profile, event count and the units applied so far.</summary>
    [Alias("GetSnapshot")]
    ValueTask<PatientSnapshot> GetSnapshotAsync();

    /// <summary>The timeline as an event pack (see <c>EventPack</c>), for export and cross-checks.</summary>
    [Alias("GetTimeline")]
    ValueTask<byte[]> GetTimelineAsync();

    /// <summary>
    /// Derives conditions per year (case-definition catalogue), ALD episodes, treatment lines and hospital episodes
    /// for <paramref name="years"/>, and pushes the patient's summary to its partition.
    /// </summary>
    [Alias("Derive")]
    ValueTask<PatientDerived> DeriveAsync(int[] years);
}
