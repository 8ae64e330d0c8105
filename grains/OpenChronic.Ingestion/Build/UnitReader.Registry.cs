using System.Text;
using OpenChronic.Domain.Pathways;

namespace OpenChronic.Ingestion.Build;

/// <summary>Referentials: IR_BEN_R deaths, IR_IMB_R ALD registrations, KI_CCI_R causes of death.</summary>
public sealed partial class UnitReader
{
    /// <summary>End day of an ALD registration with no end (IMB_ALD_DTF null or before 1700).</summary>
    public const int OpenEnd = int.MaxValue;

    private static readonly int s_year1700 = new DateOnly(1700, 1, 1).DayNumber;

    /// <summary>IR_BEN_R was read by the directory: its accounting, and a Death event for each BEN_DCD_DTE.</summary>
    private void ReadBeneficiaries(UnitAccumulator acc)
    {
        var tally = acc.Table("IR_BEN_R");
        tally.Source = _persons.SourceRows;
        foreach (var r in _persons.Rejects)
        {
            acc.Reject("IR_BEN_R", r.File, r.Row, r.Column, r.Reason);
        }

        foreach (var (reason, count) in _persons.Excluded)
        {
            tally.Filtered[reason] = count;
        }

        tally.Kept = tally.Source - tally.Rejected - tally.Filtered.Values.Sum();
        for (var person = 0; person < _persons.Count; person++)
        {
            if (_persons[person].DeathDay is { } day)
            {
                acc.Add(person, new CareEvent(day, day, CareEventKind.Death, CareEventTraits.None, 0, 0, 0, 0f));
            }
        }
    }

    private void ReadAld(WorkUnit unit, UnitAccumulator acc, CancellationToken cancellationToken)
    {
        foreach (var file in unit.Files)
        {
            foreach (var read in Batches(file, acc, cancellationToken))
            {
                var b = read.Batch;
                var nir = Cells.Column(b, "BEN_NIR_PSA");
                var rank = Cells.Column(b, "BEN_RNG_GEM");
                var number = Cells.Column(b, "IMB_ALD_NUM");
                var start = Cells.Column(b, "IMB_ALD_DTD");
                var end = Cells.Column(b, "IMB_ALD_DTF");
                var icd = Cells.Column(b, "MED_MTF_COD");
                for (var row = 0; row < b.Length; row++)
                {
                    var resolution = _persons.ResolveDcir(Cells.Bytes(nir, row), Cells.Long(rank, row, 1), out var person);
                    if (resolution == PersonResolution.Fictitious)
                    {
                        acc.Table(file.TableLabel).Filter(FictitiousNir);
                        continue;
                    }

                    if (resolution != PersonResolution.Resolved || !Cells.TryDay(start, row, out var day))
                    {
                        acc.Reject(file.TableLabel, file.RelativePath, read.RowNumbers[row], resolution == PersonResolution.Resolved ? "IMB_ALD_DTD" : "BEN_NIR_PSA",
                            resolution == PersonResolution.Resolved ? "missing ALD start" : "unknown person (BEN_NIR_PSA + BEN_RNG_GEM not in IR_BEN_R)");
                        continue;
                    }

                    var endDay = Cells.TryDay(end, row, out var e) && e >= s_year1700 ? Math.Max(e, day) : OpenEnd;
                    var code = Cells.Bytes(icd, row);
                    var ald = Cells.Long(number, row);
                    if (ald == 0)
                    {
                        ald = AldOf(code);
                    }

                    acc.Table(file.TableLabel).Kept++;
                    acc.Add(person, new CareEvent(day, endDay, CareEventKind.AldRegistration, CareEventTraits.None, 0, Cells.PackIcd(code), 0, ald));
                }
            }
        }
    }

    private void ReadDeaths(WorkUnit unit, UnitAccumulator acc, CancellationToken cancellationToken)
    {
        foreach (var file in unit.Files)
        {
            var causes = file.Name.Table.Name == "KI_CCI_R";
            foreach (var read in Batches(file, acc, cancellationToken))
            {
                var b = read.Batch;
                var idt = Cells.Column(b, "BEN_IDT_ANO");
                var date = Cells.Column(b, "BEN_DCD_DTE") ?? Cells.Column(b, "DCD_DTE");
                var cause = Cells.Column(b, "DCD_CIM_COD");
                for (var row = 0; row < b.Length; row++)
                {
                    if (!_persons.TryResolveIdt(Cells.Bytes(idt, row), out var person))
                    {
                        acc.Reject(file.TableLabel, file.RelativePath, read.RowNumbers[row], "BEN_IDT_ANO", "unknown person (BEN_IDT_ANO not in IR_BEN_R)");
                    }
                    else if (!causes)
                    {
                        acc.Table(file.TableLabel).Filter("associated causes (KI_ECD_R) not modelled as events");
                    }
                    else if (!Cells.TryDay(date, row, out var day) && _persons[person].DeathDay is not { } known)
                    {
                        acc.Reject(file.TableLabel, file.RelativePath, read.RowNumbers[row], "BEN_DCD_DTE", "missing death date");
                    }
                    else
                    {
                        day = Cells.TryDay(date, row, out var d) ? d : _persons[person].DeathDay!.Value;
                        acc.Table(file.TableLabel).Kept++;
                        acc.Add(person, new CareEvent(day, day, CareEventKind.Death, CareEventTraits.None, 0, Cells.PackIcd(Cells.Bytes(cause, row)), 0, 0f));
                    }
                }
            }
        }
    }

    /// <summary>The ALD number of an ICD-10 code from IR_CIM_V.ALD_030_COD (first 4 characters, then 3), 0 when unknown.</summary>
    private long AldOf(ReadOnlySpan<byte> code)
    {
        if (_cim is null || code.IsEmpty)
        {
            return 0;
        }

        var text = Encoding.ASCII.GetString(code).Replace(".", "", StringComparison.Ordinal).ToUpperInvariant();
        foreach (var length in (ReadOnlySpan<int>)[4, 3])
        {
            if (text.Length >= length && _cim.Value(text[..length], "ALD_030_COD") is { } v && long.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var ald) && ald > 0)
            {
                return ald;
            }
        }

        return 0;
    }
}
