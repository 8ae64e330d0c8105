using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using OpenChronic.Domain.Pathways;
using OpenChronic.Ingestion.Build;
using Orleans.Concurrency;

namespace OpenChronic.Grains;

/// <summary>
/// Applies one work unit: reads it through the ingestion unit readers (filters, joins, person resolution), then sends
/// each partition its patients' packed events in one call (<see cref="PartitionDelivery"/>); the partitions apply them
/// to their patients inside the silo. Rejected rows go to the unit's
/// rejects file, rewritten whole when the unit is retried, so a retry never duplicates them.
/// </summary>
[StatelessWorker]
public sealed partial class IngestWorkerGrain(ExtractSessions sessions, ILogger<IngestWorkerGrain> logger) : Grain, IIngestWorkerGrain
{
    private static readonly byte[] s_noEvents = EventPack.Pack([]);

    // One reader per activation and extract, so that its working buffers serve every unit this activation reads.
    private UnitReader? _reader;
    private PersonDirectory? _readerPersons;

    public Task<string[]> PlanUnitsAsync(IngestRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(sessions.Get(request.ExtractDirectory).Units.Select(u => u.Id).ToArray());
    }

    public Task<UnitReport> ProcessUnitAsync(IngestRequest request, string unitId) => ProcessAsync(request, unitId, null);

    public Task<UnitReport> ProcessUpdateAsync(IngestRequest request, string unitId, int[] years)
    {
        ArgumentNullException.ThrowIfNull(years);
        return ProcessAsync(request, unitId, years);
    }

    // With settle years, the patients commit and re-derive in the call that applies the unit (a monthly update).
    private async Task<UnitReport> ProcessAsync(IngestRequest request, string unitId, int[]? settle)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        using var span = OpenChronicTelemetry.StartUnit(unitId);
        var session = sessions.Get(request.ExtractDirectory);
        var unit = session.Unit(unitId);
        LogUnitStarted(logger, unitId, unit.Files.Length);
        var delivery = new PartitionDelivery(unitId, unit.Kind == WorkUnitKind.Beneficiaries);
        long events = 0;
        UnitReport report;
        if (unit.Kind == WorkUnitKind.Beneficiaries)
        {
            var persons = session.Persons;
            for (var i = 0; i < persons.Count; i++)
            {
                var info = persons[i];
                var pack = s_noEvents;
                if (info.DeathDay is { } day)
                {
                    pack = EventPack.Pack([new CareEvent(day, day, CareEventKind.Death, CareEventTraits.None, 0, 0, 0, 0)]);
                    events++;
                }

                var profile = new PatientProfile(info.Sex, info.BirthYear, info.BirthMonth, info.Departement, info.Commune, info.DeathDay);
                delivery.Add(session.Keys[i], pack, profile);
            }

            await Send(delivery, settle);
            RejectsFile.Write(request.RejectsDirectory, unitId, persons.Rejects);
            // Rows kept: a person may have several rows (one per BEN_NIR_PSA over time).
            var kept = persons.SourceRows - persons.Excluded.Values.Sum() - persons.Rejects.Count;
            report = new UnitReport(unitId, persons.SourceRows, kept, persons.Excluded.ToImmutableDictionary(),
                persons.Rejects.Count, persons.Count, events, clock.Elapsed.TotalSeconds);
        }
        else
        {
            // Off the grain scheduler: reading a flux month takes seconds, and a turn that long stalls the silo's
            // other work (and Orleans warns about it); the deliveries of the other running unit go on meanwhile.
            var reader = ReaderFor(session.Persons);
            var output = await Task.Run(() => reader.Read(unit));
            foreach (var patient in output.Persons)
            {
                events += patient.Events.Length;
                delivery.Add(session.Keys[patient.Person], EventPack.Pack(patient.Events), null,
                    patient.DeclaredGp == 0 ? null : new GpDeclaration(patient.DeclaredGp, patient.DeclaredDay));
            }

            await Send(delivery, settle);
            RejectsFile.Write(request.RejectsDirectory, unitId, output.Rejects);
            var filtered = output.Tables
                .SelectMany(t => t.Value.Filtered.Select(f => KeyValuePair.Create($"{t.Key}: {f.Key}", f.Value)))
                .ToImmutableDictionary();
            report = new UnitReport(unitId, output.Tables.Values.Sum(t => t.Source), output.Tables.Values.Sum(t => t.Kept), filtered,
                output.Tables.Values.Sum(t => t.Rejected), output.Persons.Count, events, clock.Elapsed.TotalSeconds);
        }

        LogUnitDone(logger, unitId, report.SourceRows, report.Patients, report.Seconds);
        return report;
    }

    private Task Send(PartitionDelivery delivery, int[]? settle) =>
        settle is null ? delivery.SendAsync(GrainFactory) : delivery.SendSettledAsync(GrainFactory, settle);

    private UnitReader ReaderFor(PersonDirectory persons)
    {
        if (_reader is null || !ReferenceEquals(_readerPersons, persons))
        {
            (_reader, _readerPersons) = (new UnitReader(persons), persons);
        }

        return _reader;
    }

    // Units name file partitions; counts only. Patient keys and identifiers are never logged.
    [LoggerMessage(Level = LogLevel.Information, Message = "Unit {UnitId}: reading {Files} files.")]
    private static partial void LogUnitStarted(ILogger logger, string unitId, int files);

    [LoggerMessage(Level = LogLevel.Information, Message = "Unit {UnitId}: {Rows} source rows, {Patients} patients in {Seconds:F1} s.")]
    private static partial void LogUnitDone(ILogger logger, string unitId, long rows, int patients, double seconds);
}
