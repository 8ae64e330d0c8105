using OpenChronic.Domain.Pathways;
using OpenChronic.Grains;
using OpenChronic.Ingestion.Database;

namespace OpenChronic.Client.Grid;

/// <summary>
/// Exports the grid's patients to the Open Chronic database, partition by partition: each patient derives its
/// pathway for the requested years, then its profile, events and derived tables are appended to the writer.
/// Calls are issued in bounded parallel waves; rows are appended in partition and key order, so the files do not
/// depend on scheduling.
/// </summary>
internal static class DatabaseExport
{
    private const int Wave = 512;

    public static async Task<long> ExportAsync(IGrainFactory grains, DatabaseWriter writer, int[] years,
        IProgress<(int Partition, long Patients)>? progress, CancellationToken cancellationToken)
    {
        long patients = 0;
        for (var p = 0; p < Partitions.Count; p++)
        {
            var members = await grains.GetGrain<IPartitionGrain>(p).GetMembersAsync();
            for (var start = 0; start < members.Count; start += Wave)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var keys = members.Skip(start).Take(Wave).ToArray();
                var results = await Task.WhenAll(keys.Select(async key =>
                {
                    var patient = grains.GetGrain<IPatientGrain>(key);
                    var derived = await patient.DeriveAsync(years);
                    var snapshot = await patient.GetSnapshotAsync();
                    var timeline = await patient.GetTimelineAsync();
                    return (key, derived, snapshot, timeline);
                }));
                foreach (var (key, derived, snapshot, timeline) in results)
                {
                    Append(writer, key, derived, snapshot, EventPack.Unpack(timeline));
                }

                patients += keys.Length;
            }

            progress?.Report((p, patients));
        }

        return patients;
    }

    private static void Append(DatabaseWriter writer, Guid key, PatientDerived derived, PatientSnapshot snapshot, CareEvent[] events)
    {
        var profile = snapshot.Profile;
        writer.AppendPatient(key, profile?.Sex ?? 0, profile?.BirthYear ?? 0, profile?.BirthMonth, profile?.Departement ?? "",
            profile?.Commune ?? "", profile?.DeathDay is { } death ? DateOnly.FromDayNumber(death) : null, events.Length);
        writer.AppendEvents(key, events);
        foreach (var c in derived.Conditions)
        {
            writer.AppendCondition(key, c.Year, c.Condition, (ConditionEvidence)c.Evidence);
        }

        foreach (var e in derived.AldEpisodes)
        {
            writer.AppendAldEpisode(key, e.AldNumber, e.Icd10, DateOnly.FromDayNumber(e.StartDay), e.EndDay is { } end ? DateOnly.FromDayNumber(end) : null);
        }

        foreach (var l in derived.TreatmentLines)
        {
            writer.AppendTreatmentLine(key, l.Condition, l.Number, l.Regimen, DateOnly.FromDayNumber(l.StartDay), DateOnly.FromDayNumber(l.EndDay));
        }

        foreach (var h in derived.HospitalEpisodes)
        {
            writer.AppendStay(key, DateOnly.FromDayNumber(h.AdmissionDay), DateOnly.FromDayNumber(h.DischargeDay), h.Stays, h.DaysToGp, h.DaysToSpecialist, h.DaysToReadmission);
        }
    }
}
