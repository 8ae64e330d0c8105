using System.Runtime.InteropServices;
using OpenChronic.Domain.Snds;
using OpenChronic.Synthetic.Arrow;
using OpenChronic.Synthetic.Model;

namespace OpenChronic.Synthetic.Output;

/// <summary>
/// Turns a person's care events into DCIR rows: one claim (décompte) per episode in the flux month when it
/// arrives, ER_PRS_F lines joined by the nine keys to their ER_PHA_F / ER_BIO_F / ER_CAM_F / ER_ETE_F detail.
/// Plants the real-data defects (information lines, regularisations, public-hospital lines) and, at the
/// requested rate, malformed rows; every one is recorded in the defect log. Runs sequentially, in person order.
/// </summary>
internal sealed partial class DcirEncoder
{
    private const int Prs = 0;
    private const int Pha = 1;
    private const int Bio = 2;
    private const int Cam = 3;
    private const int Ete = 4;

    private readonly SinkSet _sinks;
    private readonly SynthWorld _world;
    private readonly DefectLog _defects;
    private readonly DcirColumns _c;
    private readonly double _defectRate;
    private readonly long[] _claimCounters;
    private readonly string[] _organisms;
    private readonly int[] _emitters;
    private readonly CsvDateCorruptor? _csvDates;
    private readonly ulong _seed;
    private SynthRandom _rng;

    public DcirEncoder(SinkSet sinks, SynthWorld world, DefectLog defects, SynthOptions options, CsvDateCorruptor? csvDates)
    {
        _csvDates = csvDates;
        _sinks = sinks;
        _world = world;
        _defects = defects;
        _c = new DcirColumns(sinks.Schemas);
        _defectRate = options.DefectRate;
        _claimCounters = new long[sinks.LastFluxMonth - sinks.FirstFluxMonth + 1];
        _rng = new SynthRandom(options.Seed, 0xDC1, 0);
        _seed = options.Seed;

        // ORG_CLE_NUM / ORG_AFF_BEN: the primary fund of the département (régime 01), 9 characters.
        _organisms = [.. world.Territories.Select(t => "01" + t.Code + "0000")];
        _emitters = [.. world.Territories.Select(t => FluxEmitters.For(t.Code))];
    }

    /// <summary>Claim context shared by the lines of one décompte.</summary>
    private struct Claim
    {
        public int FluxMonth;
        public int FluxDay;
        public string Number;
        public int Emitter;
        public string Organism;
    }

    public void Encode(PersonHistory h)
    {
        var events = CollectionsMarshal.AsSpan(h.Events);
        var i = 0;
        while (i < events.Length)
        {
            var j = i + 1;
            while (j < events.Length && events[j].Episode == events[i].Episode)
            {
                j++;
            }

            EncodeClaim(h, events[i..j]);
            i = j;
        }
    }

    private void EncodeClaim(PersonHistory h, ReadOnlySpan<CareEvent> lines)
    {
        var first = lines[0];
        // Processed FluxDelay months after the care month, made available (FLX_DIS_DTD) the month after that.
        var claim = NewClaim(h, SynthCalendar.MonthIndex(first.Day) + first.FluxDelay + 1);
        var malformed = false;
        for (var k = 0; k < lines.Length; k++)
        {
            var prs = WriteLine(h, claim, lines[k], k + 1, 1);
            if (_defectRate > 0 && _rng.Chance(_defectRate))
            {
                Malformed(h, claim, lines[k], k + 1, prs);
                malformed = true;
            }
        }

        // Information lines and regularisations repeat a well-formed claim only.
        var kind = first.Kind;
        if (malformed)
        {
            return;
        }

        if (kind is CareKind.Gp or CareKind.Specialist or CareKind.Nurse && _rng.Chance(0.02))
        {
            // An information line (DPN_QLF = 71) repeating a real consultation in another claim.
            var info = NewClaim(h, claim.FluxMonth);
            var sink = WriteLine(h, info, first, 1, 1, information: true);
            _defects.Record("ER_PRS_F", sink, "DPN_QLF", "information_line");
        }
        else if (kind == CareKind.Dispensation && _rng.Chance(0.01))
        {
            // A regularisation: the dispensation is cancelled by negative lines in a later flux.
            var regularisation = NewClaim(h, claim.FluxMonth + 1 + _rng.Next(2));
            for (var k = 0; k < lines.Length; k++)
            {
                var sink = WriteLine(h, regularisation, lines[k], k + 1, -1);
                _defects.Record("ER_PRS_F", sink, "PRS_ACT_QTE", "regularisation");
            }
        }
    }

    private Claim NewClaim(PersonHistory h, int fluxMonth)
    {
        var month = Math.Min(fluxMonth, _sinks.LastFluxMonth);
        var number = ++_claimCounters[month - _sinks.FirstFluxMonth];
        return new Claim
        {
            FluxMonth = month,
            FluxDay = SynthCalendar.MonthStart(month),
            Number = NumberText.Of(number),
            Emitter = _emitters[h.Territory],
            Organism = _organisms[h.Territory],
        };
    }

    private static void Keys(TableBuffer b, int[] cols, in Claim claim, int order)
    {
        b.Text(cols[0], claim.Number);
        b.Date(cols[1], claim.FluxDay);
        b.Number(cols[2], claim.Emitter);
        b.Number(cols[3], 0);
        b.Number(cols[4], 1);
        // FLX_TRT_DTD: the last day of the processing month, so on or after the care it pays for.
        b.Date(cols[5], claim.FluxDay - 1);
        b.Text(cols[6], claim.Organism);
        b.Number(cols[7], order);
        b.Number(cols[8], 1);
    }

    /// <summary>Writes one ER_PRS_F line and its detail row; returns the ER_PRS_F file.</summary>
    private TableSink WriteLine(PersonHistory h, in Claim claim, in CareEvent e, int order, int sign, bool information = false)
    {
        var sink = _sinks.Dcir(Prs, claim.FluxMonth);
        var b = sink.NewRow();
        Keys(b, _c.Keys, claim, order);
        var c = _c;
        var date = SynthCalendar.Date(e.Day);
        b.Text(c.Nir, h.NirAt(e.Day));
        b.Number(c.Rank, h.Rank);
        b.Number(c.Sex, h.Sex);
        b.Number(c.BirthYear, h.BirthYear);
        b.Number(c.Age, AgeCode.Of(date, h.BirthYear, h.BirthMonth));
        b.Text(c.Dept, _world.Territories[h.Territory].Code);
        b.Text(c.Commune, h.Commune);
        b.Text(c.NirQuality, "00");
        b.Text(c.Affiliation, claim.Organism);
        b.Date(c.CareStart, e.Day);
        b.Date(c.CareEnd, e.Day);
        b.Number(c.CareMonth, date.Year * 100 + date.Month);
        var inAld = e.Condition >= 0 && h.Conditions[e.Condition].InAldAt(e.Day);
        var (nature, price, rate) = Tariff(e, inAld);
        b.Number(c.Nature, nature);
        b.Number(c.BaseNature, nature);
        b.Decimal(c.Quantity, sign * e.Quantity);
        var amount = sign * price * e.Quantity;
        b.Decimal(c.Base, amount);
        b.Decimal(c.Reimbursed, information ? 0 : Math.Round(amount * rate / 100, 2));
        b.Decimal(c.Paid, information ? 0 : amount);
        b.Number(c.Rate, rate);
        b.Number(c.Exoneration, inAld ? 42 : 0);
        b.Number(c.Information, information ? 71 : 0);
        b.Number(c.InformationP, information ? 71 : 0);
        b.Number(c.Majoration, 0);
        b.Text(c.DeclaredGp, DeclaredGp(h, date));
        Professionals(b, e);
        Detail(h, claim, e, order, sign);
        return sink;
    }

    private void Professionals(TableBuffer b, in CareEvent e)
    {
        var c = _c;
        if (e.Kind == CareKind.Hospital)
        {
            var eta = _world.Establishments[e.Executor];
            b.Number(c.Sector, eta.Public ? 1 : 2);
            b.Text(c.EstablishmentPrescriber, eta.Finess);
            return;
        }

        var pro = _world.Professionals[e.Executor];
        b.Number(c.Specialty, pro.Specialty);
        b.Number(c.Activity, pro.ActivityNature);
        b.Text(c.Executor, pro.Id);
        if (e.Prescriber >= 0)
        {
            var prescriber = _world.Professionals[e.Prescriber];
            b.Text(c.Prescriber, prescriber.Id);
            b.Number(c.PrescriberSpecialty, prescriber.Specialty);
            b.Date(c.Prescribed, e.Day - (e.Kind == CareKind.Dispensation ? 1 : 0));
        }
    }

    private void Detail(PersonHistory h, in Claim claim, in CareEvent e, int order, int sign)
    {
        var c = _c;
        switch (e.Kind)
        {
            case CareKind.Dispensation:
                {
                    var b = _sinks.Dcir(Pha, claim.FluxMonth).NewRow();
                    Keys(b, c.PhaKeys, claim, order);
                    PharmacyDetail(b, e.Code, sign * e.Quantity);
                    break;
                }

            case CareKind.Biology:
                {
                    var b = _sinks.Dcir(Bio, claim.FluxMonth).NewRow();
                    Keys(b, c.BioKeys, claim, order);
                    b.Number(c.Nabm, e.Code);
                    b.Number(c.BioQuantity, sign * e.Quantity);
                    break;
                }

            case CareKind.Act:
                {
                    var b = _sinks.Dcir(Cam, claim.FluxMonth).NewRow();
                    Keys(b, c.CamKeys, claim, order);
                    b.Text(c.Ccam, PersonSimulator.Acts[e.Code]);
                    b.Text(c.CcamActivity, "1");
                    b.Decimal(c.CcamPrice, 45.0);
                    break;
                }

            case CareKind.Hospital:
                {
                    var sink = _sinks.Dcir(Ete, claim.FluxMonth);
                    var b = sink.NewRow();
                    Keys(b, c.EteKeys, claim, order);
                    var eta = _world.Establishments[e.Executor];
                    b.Text(c.Finess, eta.Finess);
                    b.Number(c.Taa, eta.Public ? 1 : 2);
                    b.Number(c.EteSector, eta.Public ? 1 : 2);
                    b.Number(c.Ghs, Ghs(h.Stays[(int)e.Code].Ghm));
                    if (eta.Public)
                    {
                        _defects.Record("ER_ETE_F", sink, "ETE_IND_TAA", "public_hospital_duplicate");
                    }

                    break;
                }

            default:
                break;
        }
    }

    private void PharmacyDetail(TableBuffer b, long cip13, int boxes)
    {
        var c = _c;
        b.Number(c.Cip13, cip13);
        if (DrugReferential.Default.TryGet(cip13, out var drug))
        {
            b.Number(c.Cip7, drug.Cip7);
        }

        b.Number(c.Boxes, boxes);
        b.Decimal(c.UnitPrice, DrugPrice(cip13));
    }

    /// <summary>A stable pseudo-price per presentation (2 to 42 euros): IR_PHA_R carries no price here.</summary>
    public static double DrugPrice(long cip13) => 2 + (SynthRandom.Mix((ulong)cip13) % 4000) / 100.0;

    /// <summary>A stable GHS number (4 digits) per GHM.</summary>
    public static int Ghs(string ghm)
    {
        // FNV-1a over the characters: string.GetHashCode is randomised per process.
        var hash = 14695981039346656037UL;
        foreach (var ch in ghm)
        {
            hash = unchecked((hash ^ ch) * 1099511628211UL);
        }

        return 1000 + (int)(SynthRandom.Mix(hash) % 8000);
    }

    private static (int Nature, double Price, int Rate) Tariff(in CareEvent e, bool inAld) => e.Kind switch
    {
        CareKind.Gp => (1110, 25.0, inAld ? 100 : 70),
        CareKind.Specialist => (1112, 30.0, inAld ? 100 : 70),
        CareKind.Nurse => (3111, 3.15, inAld ? 100 : 60),
        CareKind.Dispensation => (3313, DrugPrice(e.Code), inAld ? 100 : 65),
        CareKind.Biology => (3211, 7.5, inAld ? 100 : 60),
        CareKind.Act => (e.Code is 2 or 4 ? 1351 : 1352, 45.0, inAld ? 100 : 70),
        _ => (2111, 2500.0, 100),
    };
}
