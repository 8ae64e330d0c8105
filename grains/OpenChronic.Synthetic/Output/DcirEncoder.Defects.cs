using OpenChronic.Synthetic.Model;

namespace OpenChronic.Synthetic.Output;

/// <summary>Malformed rows planted at the requested rate (<c>--defects</c>) for robustness tests.</summary>
internal sealed partial class DcirEncoder
{
    /// <summary>A PRS_NAT_REF value that IR_NAT_V does not have.</summary>
    public const int UnknownNature = 8787;

    /// <summary>A care date far beyond any flux date.</summary>
    public static readonly int FutureDay = SynthCalendar.Day(2099, 12, 31);

    /// <summary>The DCIR detail table (index in <see cref="SinkSet.DcirTables"/>) of a care kind, 0 when none.</summary>
    private static int DetailTable(CareKind kind) => kind switch
    {
        CareKind.Dispensation => Pha,
        CareKind.Biology => Bio,
        CareKind.Act => Cam,
        CareKind.Hospital => Ete,
        _ => Prs,
    };

    private void Malformed(PersonHistory h, in Claim claim, in CareEvent e, int order, TableSink prs)
    {
        var b = prs.Buffer;
        switch (_rng.Next(_csvDates is null ? 4 : 5))
        {
            case 4:
                {
                    _csvDates!.Add(prs.Path, "EXE_SOI_DTD", prs.Rows);
                    _defects.Record("ER_PRS_F", prs, "EXE_SOI_DTD", "unparsable_date");

                    // A reader rejects the whole line, its nine keys with it: the line's detail row, written just
                    // before, is then left without a parent. Recorded as the consequence it is.
                    if (DetailTable(e.Kind) is var table and > 0)
                    {
                        _defects.Record(SinkSet.DcirTables[table], _sinks.Dcir(table, claim.FluxMonth), "DCT_ORD_NUM", "orphaned_by_rejected_line");
                    }

                    break;
                }
            case 0:
                b.Number(_c.Nature, UnknownNature);
                _defects.Record("ER_PRS_F", prs, "PRS_NAT_REF", "unknown_code");
                break;
            case 1:
                b.Date(_c.CareStart, FutureDay);
                _defects.Record("ER_PRS_F", prs, "EXE_SOI_DTD", "out_of_range");
                break;
            case 2:
                {
                    // A pharmacy detail whose claim does not exist: a claim number that no ER_PRS_F line carries.
                    var orphan = NewClaim(h, claim.FluxMonth);
                    var sink = _sinks.Dcir(Pha, orphan.FluxMonth);
                    var detail = sink.NewRow();
                    Keys(detail, _c.PhaKeys, orphan, 1);
                    PharmacyDetail(detail, e.Kind == CareKind.Dispensation ? e.Code : _world.DrugsFor("N02BE01")[0].Cip13, 1);
                    _defects.Record("ER_PHA_F", sink, "DCT_ORD_NUM", "orphan_detail");
                    break;
                }

            default:
                {
                    // The same nine keys again, on a second line without detail.
                    var copy = e;
                    copy.Kind = CareKind.Gp;
                    copy.Executor = e.Kind == CareKind.Hospital ? h.Gp : e.Executor;
                    var sink = WriteLine(h, claim, copy, order, 1);
                    _defects.Record("ER_PRS_F", sink, "DCT_ORD_NUM", "duplicate_key");
                    break;
                }
        }
    }
}
