using OpenChronic.Domain.Pathways;
using OpenChronic.Grains;
using OpenChronic.Ingestion.Database;

namespace OpenChronic.Client.Grid;

/// <summary>
/// Exports the grid's patients to the Open Chronic database, partition by partition: each patient derives its
/// pathway for the requested years and returns it with its profile and timeline in ONE call; the rows are appended
/// in partition and key order, so the files do not depend on scheduling. The next partition's calls are already in
/// flight while one partition is appended.
/// </summary>
internal static class DatabaseExport
{
    public static async Task<long> ExportAsync(IGrainFactory grains, DatabaseWriter writer, int[] years,
        IProgress<(int Partition, long Patients)>? progress, CancellationToken cancellationToken)
    {
        long patients = 0;
        // One unpacking buffer for the whole export: the events are appended before the next patient is unpacked.
        var events = new CareEvent[256];
        var next = Fetch(grains, 0, years);
        for (var p = 0; p < Partitions.Count; p++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (keys, exports) = await next;
            if (p + 1 < Partitions.Count)
            {
                next = Fetch(grains, p + 1, years);
            }

            for (var i = 0; i < keys.Count; i++)
            {
                Append(writer, keys[i], exports[i], ref events);
            }

            patients += keys.Count;
            progress?.Report((p, patients));
        }

        return patients;
    }

    private static async Task<(IReadOnlyList<Guid> Keys, PatientExport[] Exports)> Fetch(IGrainFactory grains, int partition, int[] years)
    {
        var keys = await grains.GetGrain<IPartitionGrain>(partition).GetMembersAsync();
        var calls = new Task<PatientExport>[keys.Count];
        var patients = new PatientReferences(grains);
        for (var i = 0; i < calls.Length; i++)
        {
            calls[i] = patients.Get(keys[i]).ExportAsync(years).AsTask();
        }

        return (keys, await Task.WhenAll(calls));
    }

    private static void Append(DatabaseWriter writer, Guid key, PatientExport export, ref CareEvent[] buffer)
    {
        var profile = export.Profile;
        var derived = export.Derived;
        var count = EventPack.Count(export.Pack);
        if (buffer.Length < count)
        {
            buffer = new CareEvent[Math.Max(count, 2 * buffer.Length)];
        }

        var events = buffer.AsSpan(0, EventPack.Unpack(export.Pack, buffer));
        writer.AppendPatient(key, profile?.Sex ?? 0, profile?.BirthYear ?? 0, profile?.BirthMonth, profile?.Departement ?? "",
            profile?.Commune ?? "", profile?.DeathDay is { } death ? DateOnly.FromDayNumber(death) : null, events.Length,
            export.DeclaredGp is { } gp ? PackedCode.Unpack(gp.Number) : null);
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
