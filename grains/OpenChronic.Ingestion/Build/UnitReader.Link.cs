using OpenChronic.Domain.Pathways;
using OpenChronic.Domain.Snds;
using OpenChronic.Ingestion.Tables;
using OpenChronic.Ingestion.Validation;

namespace OpenChronic.Ingestion.Build;

/// <summary>PMSI: T_MCOaaC links a stay to its patient and dates; the stay's events are emitted here.</summary>
public sealed partial class UnitReader
{
    private void LinkStays(ExtractFile file, SndsReadBatch read, List<Stay> stays, Dictionary<ulong, int> byKey, UnitAccumulator acc)
    {
        var c = read.Batch;
        var label = file.TableLabel;
        var keys = new KeyTuple(SndsCatalogue.PmsiKeys, c.Schema);
        keys.Bind(c);
        var nir = Cells.Column(c, "NIR_ANO_17");
        var rank = Cells.Column(c, "RNG_BEN");
        var entry = Cells.Column(c, "ENT_DAT");
        var exit = Cells.Column(c, "SOR_DAT");
        var start = Cells.Column(c, "EXE_SOI_DTD");
        var end = Cells.Column(c, "EXE_SOI_DTF");
        var flags = s_retFlags.Select(f => Cells.Column(c, f)).ToArray();
        for (var row = 0; row < c.Length; row++)
        {
            var at = read.RowNumbers[row];
            if (!keys.IsComplete || keys.MissingPart(row) is not null || !byKey.TryGetValue(keys.Hash(row), out var i))
            {
                acc.Reject(label, file.RelativePath, at, "RSA_NUM", "orphan patient link (no T_MCOaaB stay with its keys)");
                continue;
            }

            var stay = stays[i];
            if (stay.Linked)
            {
                acc.Reject(label, file.RelativePath, at, "RSA_NUM", "second patient link for the same stay");
                continue;
            }

            stay.Linked = true;
            if (stay.Filter is null && !Array.TrueForAll(flags, f => Cells.IsZeroFlag(f, row)))
            {
                stay.Filter = QualityFlag;
            }

            if (stay.Filter is { } reason)
            {
                acc.Table(label).Filter(reason);
                continue;
            }

            var hasDay = Cells.TryDay(entry, row, out var day) || Cells.TryDay(start, row, out day);
            var endDay = Cells.TryDay(exit, row, out var e) || Cells.TryDay(end, row, out e) ? e : day;
            var birthYear = stay.Age is { } age && hasDay ? DateOnly.FromDayNumber(day).Year - age : (int?)null;
            var resolution = _persons.ResolvePmsi(Cells.Bytes(nir, row), Cells.TryLong(rank, row, out var r) ? r : null, stay.Sex, birthYear,
                hasDay ? day : null, out var person);
            if (resolution is PersonResolution.Dummy or PersonResolution.Fictitious || (resolution == PersonResolution.Ambiguous && hasDay))
            {
                stay.Filter = resolution switch
                {
                    PersonResolution.Dummy => DummyNir,
                    PersonResolution.Fictitious => FictitiousNir,
                    _ => AmbiguousTwins,
                };
                acc.Table(label).Filter(stay.Filter);
                continue;
            }

            if (resolution != PersonResolution.Resolved || !hasDay)
            {
                acc.Reject(label, file.RelativePath, at, hasDay ? "NIR_ANO_17" : "ENT_DAT",
                    !hasDay ? "missing admission date" : "unknown person (NIR_ANO_17 not in IR_BEN_R)");
                continue;
            }

            acc.Table(label).Kept++;
            stay.Person = person;
            stay.Day = day;
            var hospital = CareEventTraits.Hospital;
            acc.Add(person, new CareEvent(day, Math.Max(day, endDay), CareEventKind.HospitalStay, hospital, 0, stay.Ghm, stay.Establishment, 1f));
            if (stay.Dp != 0)
            {
                acc.Add(person, new CareEvent(day, day, CareEventKind.Diagnosis, hospital | CareEventTraits.Principal, 0, stay.Dp, stay.Establishment, 0f));
            }

            if (stay.Dr != 0)
            {
                acc.Add(person, new CareEvent(day, day, CareEventKind.Diagnosis, hospital | CareEventTraits.Related, 0, stay.Dr, stay.Establishment, 0f));
            }

            if (stay.Death)
            {
                acc.Add(person, new CareEvent(endDay, endDay, CareEventKind.Death, hospital, 0, 0, stay.Establishment, 0f));
            }
        }
    }
}
