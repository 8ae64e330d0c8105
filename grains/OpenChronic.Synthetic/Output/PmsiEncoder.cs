using OpenChronic.Synthetic.Arrow;
using OpenChronic.Synthetic.Model;

namespace OpenChronic.Synthetic.Output;

/// <summary>
/// Turns hospital stays into PMSI MCO rows of the year of discharge: T_MCOaaB (stay, diagnoses, GHM),
/// T_MCOaaC (patient key NIR_ANO_17, dates, quality flags), T_MCOaaD (associated diagnoses), T_MCOaaA (acts);
/// T_MCOaaE lists the establishments. Plants error GHMs (90*) and quality flags ≠ 0, recorded in the defect log.
/// </summary>
internal sealed class PmsiEncoder
{
    private const int B = 0;
    private const int C = 1;
    private const int D = 2;
    private const int A = 3;
    private const int E = 4;

    private static readonly string[] s_flags = ["NIR_RET", "SEJ_RET", "FHO_RET", "PMS_RET", "DAT_RET"];

    private readonly SinkSet _sinks;
    private readonly SynthWorld _world;
    private readonly DefectLog _defects;
    private readonly SynthOptions _options;
    private readonly Dictionary<(int Eta, int Year), int> _rsa = [];
    private readonly ColumnMap[] _maps;
    private SynthRandom _rng;

    public PmsiEncoder(SinkSet sinks, SynthWorld world, DefectLog defects, SynthOptions options)
    {
        _sinks = sinks;
        _world = world;
        _defects = defects;
        _options = options;
        _rng = new SynthRandom(options.Seed, 0x9351, 0);
        _maps = [.. SinkSet.PmsiParts.Select(p => new ColumnMap(sinks.Schemas["T_MCOaa" + p]))];
    }

    public void Encode(PersonHistory h)
    {
        foreach (var stay in h.Stays)
        {
            Encode(h, stay);
        }
    }

    private void Encode(PersonHistory h, in StayEvent s)
    {
        var exit = s.EntryDay + s.Los;
        var exitDate = SynthCalendar.Date(exit);
        var entryDate = SynthCalendar.Date(s.EntryDay);
        var year = exitDate.Year;
        var eta = _world.Establishments[s.Establishment];
        var key = (s.Establishment, year);
        var rsaNumber = _rsa.TryGetValue(key, out var n) ? n + 1 : 1;
        _rsa[key] = rsaNumber;
        var rsa = rsaNumber.ToString("D10", System.Globalization.CultureInfo.InvariantCulture);

        var sinkB = _sinks.Pmsi(B, year);
        var b = sinkB.NewRow();
        var sb = _maps[B];
        b.Text(sb.GetFieldIndex("ETA_NUM"), eta.EtaNum);
        b.Text(sb.GetFieldIndex("RSA_NUM"), rsa);
        b.Text(sb.GetFieldIndex("DGN_PAL"), s.Dp);
        b.Text(sb.GetFieldIndex("DGN_REL"), s.Dr);
        var errorGhm = _rng.Chance(0.005);
        b.Text(sb.GetFieldIndex("GRG_GHM"), errorGhm ? "90Z00Z" : s.Ghm);
        if (errorGhm)
        {
            _defects.Record("T_MCOaaB", sinkB, "GRG_GHM", "error_ghm");
        }

        b.Number(sb.GetFieldIndex("GHS_NUM"), DcirEncoder.Ghs(s.Ghm));
        b.Number(sb.GetFieldIndex("SEJ_NBJ"), s.Los);
        b.Text(sb.GetFieldIndex("ENT_MOD"), "8");
        b.Text(sb.GetFieldIndex("ENT_PRV"), "0");
        b.Text(sb.GetFieldIndex("SOR_MOD"), s.Death ? "9" : "8");
        b.Text(sb.GetFieldIndex("SOR_DES"), "0");
        b.Number(sb.GetFieldIndex("SOR_ANN"), year);
        b.Number(sb.GetFieldIndex("SOR_MOI"), exitDate.Month);
        b.Number(sb.GetFieldIndex("AGE_ANN"), Math.Max(0, entryDate.Year - h.BirthYear - (entryDate.Month < h.BirthMonth ? 1 : 0)));
        b.Text(sb.GetFieldIndex("COD_SEX"), NumberText.Of(h.Sex));
        var das = (s.Das1 is null ? 0 : 1) + (s.Das2 is null ? 0 : 1);
        b.Number(sb.GetFieldIndex("NBR_DGN"), 1 + das + (s.Dr is null ? 0 : 1));
        b.Number(sb.GetFieldIndex("NBR_RUM"), 1);
        b.Number(sb.GetFieldIndex("NBR_ACT"), s.Act is null ? 0 : 1);
        if (s.Los == 0)
        {
            b.Text(sb.GetFieldIndex("SEJ_TYP"), "A");
        }

        var sinkC = _sinks.Pmsi(C, year);
        var c = sinkC.NewRow();
        var sc = _maps[C];
        c.Text(sc.GetFieldIndex("ETA_NUM"), eta.EtaNum);
        c.Text(sc.GetFieldIndex("RSA_NUM"), rsa);
        c.Text(sc.GetFieldIndex("NIR_ANO_17"), h.NirAt(s.EntryDay));
        c.Date(sc.GetFieldIndex("ENT_DAT"), s.EntryDay);
        c.Date(sc.GetFieldIndex("SOR_DAT"), exit);
        c.Timestamp(sc.GetFieldIndex("EXE_SOI_DTD"), s.EntryDay * 86_400_000L + 10 * 3_600_000L);
        c.Timestamp(sc.GetFieldIndex("EXE_SOI_DTF"), exit * 86_400_000L + 15 * 3_600_000L);
        c.Number(sc.GetFieldIndex("SOR_ANN"), year);
        c.Number(sc.GetFieldIndex("SOR_MOI"), exitDate.Month);
        c.Number(sc.GetFieldIndex("ENT_AM"), entryDate.Year * 100 + entryDate.Month);
        c.Number(sc.GetFieldIndex("SOR_AM"), year * 100 + exitDate.Month);
        var badFlag = _rng.Chance(0.01) ? _rng.Next(5) : -1;
        var flags = s_flags;
        for (var f = 0; f < flags.Length; f++)
        {
            var column = sc.GetFieldIndex(flags[f]);
            if (flags[f] == "DAT_RET")
            {
                c.Text(column, f == badFlag ? "1" : "0");
            }
            else
            {
                c.Flag(column, f == badFlag);
            }
        }

        if (badFlag >= 0)
        {
            _defects.Record("T_MCOaaC", sinkC, flags[badFlag], "quality_flag");
        }

        var rank = 1;
        foreach (var code in (ReadOnlySpan<string?>)[s.Das1, s.Das2])
        {
            if (code is null)
            {
                continue;
            }

            var sinkD = _sinks.Pmsi(D, year);
            var d = sinkD.NewRow();
            var sd = _maps[D];
            d.Text(sd.GetFieldIndex("ETA_NUM"), eta.EtaNum);
            d.Text(sd.GetFieldIndex("RSA_NUM"), rsa);
            d.Text(sd.GetFieldIndex("ASS_DGN"), code);
            d.Number(sd.GetFieldIndex("DGN_ASS_NUM"), rank++);
        }

        if (s.Act is not null)
        {
            var sinkA = _sinks.Pmsi(A, year);
            var a = sinkA.NewRow();
            var sa = _maps[A];
            a.Text(sa.GetFieldIndex("ETA_NUM"), eta.EtaNum);
            a.Text(sa.GetFieldIndex("RSA_NUM"), rsa);
            a.Text(sa.GetFieldIndex("CDC_ACT"), s.Act);
            a.Number(sa.GetFieldIndex("NBR_EXE_ACT"), 1);
            a.Number(sa.GetFieldIndex("ENT_DAT_DEL"), 0);
        }
    }

    /// <summary>Writes T_MCOaaE: every establishment, every year.</summary>
    public void WriteEstablishments()
    {
        for (var year = _options.StartYear; year <= _options.EndYear; year++)
        {
            var sink = _sinks.Pmsi(E, year);
            foreach (var eta in _world.Establishments)
            {
                var e = sink.NewRow();
                var se = _maps[E];
                e.Text(se.GetFieldIndex("ETA_NUM"), eta.EtaNum);
                e.Text(se.GetFieldIndex("ETB_EXE_FIN"), eta.Finess);
                e.Text(se.GetFieldIndex("SOC_RAI"), eta.Name);
                e.Text(se.GetFieldIndex("STA_ETA"), eta.Public ? "DGF" : "OQN");
                e.Text(se.GetFieldIndex("ANN_TRT"), NumberText.Of(year));
            }
        }
    }
}
