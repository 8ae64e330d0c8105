using OpenChronic.Domain.Pathways;
using OpenChronic.Grains;
using OpenChronic.Ingestion.Database;

namespace OpenChronic.Client.Grid;

/// <summary>
/// Loads a built Open Chronic database into a grid: each patient of the <c>patients</c> table receives its events as one
/// unit (<see cref="UnitId"/>), then derives its pathway for the database's years so that the partitions hold every
/// summary; the patients are then committed once, through the partitions. Calls run in bounded waves; the unit is idempotent, so loading twice changes nothing.
/// </summary>
internal static class DatabaseLoader
{
    /// <summary>The unit id under which a database's events are applied.</summary>
    public const string UnitId = "DB";

    private const int Wave = 1024;

    /// <summary>Loads every patient of <paramref name="reader"/>; returns the number of patients and events loaded.</summary>
    public static async Task<(long Patients, long Events)> LoadAsync(IGrainFactory grains, DatabaseReader reader,
        IProgress<long>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(reader);
        var years = reader.Manifest.Years.ToArray();
        long patients = 0;
        long events = 0;
        var wave = new List<Task>(Wave);
        foreach (var patient in reader.ReadPatients())
        {
            cancellationToken.ThrowIfCancellationRequested();
            wave.Add(LoadOneAsync(grains, patient, years));
            patients++;
            events += patient.Events.Length;
            if (wave.Count == Wave)
            {
                await Task.WhenAll(wave);
                wave.Clear();
                progress?.Report(patients);
            }
        }

        await Task.WhenAll(wave);
        progress?.Report(patients);

        // Commit through the partitions, as the ingest job does: nothing is left to write when the grid stops (a
        // patient deactivated at shutdown would otherwise try to write to a storage that is already gone).
        await Task.WhenAll(Enumerable.Range(0, Partitions.Count).Select(p => grains.GetGrain<IPartitionBuild>(p).CommitMembersAsync().AsTask()));
        return (patients, events);
    }

    private static async Task LoadOneAsync(IGrainFactory grains, DatabasePatient patient, int[] years)
    {
        var profile = new PatientProfile(checked((byte)patient.Sex), checked((short)patient.BirthYear), checked((byte)patient.BirthMonth),
            patient.Departement, patient.Commune, patient.Death?.DayNumber);
        var grain = grains.GetGrain<IPatientGrain>(patient.Id);
        var declared = patient.DeclaredGp.Length > 0 ? new GpDeclaration(PackedCode.Pack(patient.DeclaredGp), 0) : null;
        await grain.ApplyUnitAsync(new UnitEvents(UnitId, EventPack.Pack(patient.Events), profile, declared));
        await grain.DeriveAsync(years);
    }
}
