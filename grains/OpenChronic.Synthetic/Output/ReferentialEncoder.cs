using OpenChronic.Synthetic.Arrow;
using OpenChronic.Synthetic.Model;

namespace OpenChronic.Synthetic.Output;

/// <summary>
/// Writes the person-level referentials: IR_BEN_R (one row per BEN_NIR_PSA + rank, two for a person whose NIR
/// changed), IR_IMB_R (ALD registrations), KI_CCI_R / KI_ECD_R (deaths and their causes), and the IR_PHA_R subset
/// of the drugs the generator dispenses.
/// </summary>
internal sealed class ReferentialEncoder
{
    private readonly SinkSet _sinks;
    private readonly SynthWorld _world;
    private readonly DefectLog _defects;
    private readonly SynthOptions _options;
    private readonly ColumnMap _ben;
    private readonly ColumnMap _imb;
    private readonly ColumnMap _cci;
    private readonly ColumnMap _ecd;
    private readonly int _registered;

    public ReferentialEncoder(SinkSet sinks, SynthWorld world, DefectLog defects, SynthOptions options)
    {
        _sinks = sinks;
        _world = world;
        _defects = defects;
        _options = options;
        _ben = new ColumnMap(sinks.Schemas["IR_BEN_R"]);
        _imb = new ColumnMap(sinks.Schemas["IR_IMB_R"]);
        _cci = new ColumnMap(sinks.Schemas["KI_CCI_R"]);
        _ecd = new ColumnMap(sinks.Schemas["KI_ECD_R"]);
        _registered = SynthCalendar.Day(options.StartYear - 1, 1, 1);
    }

    public void Encode(PersonHistory h)
    {
        var end = SynthCalendar.Day(_options.EndYear, 12, 31);
        if (h.SecondNir is null)
        {
            Beneficiary(h, h.Nir, end);
        }
        else
        {
            Beneficiary(h, h.Nir, h.NirChangeDay - 1);
            Beneficiary(h, h.SecondNir, end);
            _defects.Record("IR_BEN_R", _sinks.Referential("IR_BEN_R"), "BEN_NIR_PSA", "second_nir");
        }

        if (h.TwinOf >= 0)
        {
            _defects.Record("IR_BEN_R", _sinks.Referential("IR_BEN_R"), "BEN_RNG_GEM", "twin");
        }

        for (var c = 0; c < Conditions.Count; c++)
        {
            ref var state = ref h.Conditions[c];
            if (state.AldStart == ConditionState.None)
            {
                continue;
            }

            var b = _sinks.Referential("IR_IMB_R").NewRow();
            b.Text(_imb.GetFieldIndex("BEN_NIR_PSA"), h.NirAt(state.AldStart));
            b.Number(_imb.GetFieldIndex("BEN_RNG_GEM"), h.Rank);
            b.Date(_imb.GetFieldIndex("IMB_ALD_DTD"), state.AldStart);
            b.Date(_imb.GetFieldIndex("IMB_ALD_DTF"), state.AldEnd);
            b.Number(_imb.GetFieldIndex("IMB_ALD_NUM"), Conditions.All[c].Ald);
            b.Number(_imb.GetFieldIndex("IMB_ETM_NAT"), 41);
            b.Text(_imb.GetFieldIndex("MED_MTF_COD"), state.AldCode);
            b.Text(_imb.GetFieldIndex("MED_NCL_IDT"), "CIM10");
            b.Date(_imb.GetFieldIndex("INS_DTE"), state.AldStart);
            b.Date(_imb.GetFieldIndex("UPD_DTE"), state.AldStart);
        }

        if (h.DeathDay <= end)
        {
            Death(h);
        }
    }

    private void Beneficiary(PersonHistory h, string nir, int lastCare)
    {
        var b = _sinks.Referential("IR_BEN_R").NewRow();
        var m = _ben;
        var dept = _world.Territories[h.Territory].Code;
        b.Text(m.GetFieldIndex("BEN_NIR_PSA"), nir);
        b.Number(m.GetFieldIndex("BEN_RNG_GEM"), h.Rank);
        b.Text(m.GetFieldIndex("BEN_NIR_ANO"), h.NirAno);
        b.Text(m.GetFieldIndex("BEN_IDT_ANO"), h.IdtAno);
        b.Flag(m.GetFieldIndex("BEN_IDT_TOP"), true);
        b.Text(m.GetFieldIndex("BEN_CDI_NIR"), "00");
        b.Number(m.GetFieldIndex("BEN_NAI_ANN"), h.BirthYear);
        b.Number(m.GetFieldIndex("BEN_NAI_MOI"), h.BirthMonth);
        b.Number(m.GetFieldIndex("BEN_SEX_COD"), h.Sex);
        if (h.DeathDay != ConditionState.None && h.DeathDay <= lastCare + 1)
        {
            var death = SynthCalendar.Date(h.DeathDay);
            b.Date(m.GetFieldIndex("BEN_DCD_DTE"), h.DeathDay);
            b.Number(m.GetFieldIndex("BEN_DCD_AME"), death.Year * 100 + death.Month);
        }

        b.Text(m.GetFieldIndex("ORG_AFF_BEN"), "01" + dept + "0000");
        b.Text(m.GetFieldIndex("BEN_RES_DPT"), dept);
        b.Text(m.GetFieldIndex("BEN_RES_COM"), h.Commune);
        b.Date(m.GetFieldIndex("BEN_DTE_INS"), _registered);
        b.Date(m.GetFieldIndex("BEN_DTE_MAJ"), Math.Min(lastCare, h.DeathDay));
        b.Date(m.GetFieldIndex("MAX_TRT_DTD"), Math.Min(lastCare, h.DeathDay));
    }

    private void Death(PersonHistory h)
    {
        var death = SynthCalendar.Date(h.DeathDay);
        var dept = _world.Territories[h.Territory].Code;
        var b = _sinks.Referential("KI_CCI_R").NewRow();
        b.Text(_cci.GetFieldIndex("BEN_IDT_ANO"), h.IdtAno);
        b.Text(_cci.GetFieldIndex("BEN_NIR_ANO"), h.NirAno);
        b.Number(_cci.GetFieldIndex("FLX_PER_ANN"), death.Year);
        b.Text(_cci.GetFieldIndex("DCD_DPT_COD"), dept);
        b.Text(_cci.GetFieldIndex("BEN_RES_DPT"), dept);
        b.Text(_cci.GetFieldIndex("BEN_RES_COM"), h.Commune);
        b.Date(_cci.GetFieldIndex("BEN_DCD_DTE"), h.DeathDay);
        b.Number(_cci.GetFieldIndex("BEN_DCD_AME"), death.Year * 100 + death.Month);
        b.Number(_cci.GetFieldIndex("BEN_NAI_ANN"), h.BirthYear);
        b.Number(_cci.GetFieldIndex("BEN_NAI_MOI"), h.BirthMonth);
        b.Number(_cci.GetFieldIndex("BEN_SEX_COD"), h.Sex);
        b.Text(_cci.GetFieldIndex("DCD_CIM_COD"), h.DeathCause);
        for (var i = 0; i < h.DeathCauses.Count; i++)
        {
            var e = _sinks.Referential("KI_ECD_R").NewRow();
            e.Text(_ecd.GetFieldIndex("BEN_IDT_ANO"), h.IdtAno);
            e.Text(_ecd.GetFieldIndex("BEN_NIR_ANO"), h.NirAno);
            e.Number(_ecd.GetFieldIndex("FLX_PER_ANN"), death.Year);
            e.Number(_ecd.GetFieldIndex("CER_LIG_NUM"), i + 1);
            e.Number(_ecd.GetFieldIndex("ECD_CAU_RNG"), i + 1);
            e.Text(_ecd.GetFieldIndex("ECD_CIM_COD"), h.DeathCauses[i]);
            e.Date(_ecd.GetFieldIndex("BEN_DCD_DTE"), h.DeathDay);
            e.Number(_ecd.GetFieldIndex("BEN_DCD_AME"), death.Year * 100 + death.Month);
        }
    }

    /// <summary>Writes the IR_PHA_R rows of every presentation the generator may dispense.</summary>
    public void WriteDrugs()
    {
        var m = new ColumnMap(_sinks.Schemas["IR_PHA_R"]);
        var prefixes = Conditions.All.SelectMany(p => p.Atc).Concat(SynthWorld.AcuteAtc).Distinct(StringComparer.Ordinal);
        var drugs = prefixes.SelectMany(p => _world.DrugsFor(p)).DistinctBy(d => d.Cip13).OrderBy(d => d.Cip13);
        foreach (var d in drugs)
        {
            var b = _sinks.Referential("IR_PHA_R").NewRow();
            b.Number(m.GetFieldIndex("PHA_CIP_C13"), d.Cip13);
            b.Number(m.GetFieldIndex("PHA_PRS_IDE"), d.Cip7);
            b.Text(m.GetFieldIndex("PHA_MED_NOM"), d.Name);
            b.Text(m.GetFieldIndex("PHA_NOM_PA"), d.Ingredient);
            b.Text(m.GetFieldIndex("PHA_ATC_C07"), d.Atc7);
            b.Text(m.GetFieldIndex("PHA_ATC_C03"), d.Atc7[..3]);
            b.Text(m.GetFieldIndex("PHA_ATC_CLA"), d.Atc7);
            b.Text(m.GetFieldIndex("PHA_CND_TOP"), d.LargePack ? "GC" : "NGC");
            b.Text(m.GetFieldIndex("PHA_UNT_NBR_DSES"), d.Units.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
