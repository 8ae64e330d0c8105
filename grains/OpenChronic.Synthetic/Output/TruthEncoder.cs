using Apache.Arrow;
using Apache.Arrow.Types;
using OpenChronic.Synthetic.Model;

namespace OpenChronic.Synthetic.Output;

/// <summary>
/// Writes the planted ground truth under <c>truth/</c>: persons with their latent traits, condition onsets and
/// ALD registrations, the true 12-month ALD entry risk of each person-year, département and establishment
/// effects and the planted outliers. Column meanings are documented in <c>docs/synthetic.md</c>.
/// </summary>
internal sealed class TruthEncoder
{
    public static readonly Schema Persons = Build(
        ("BEN_IDT_ANO", StringType.Default), ("person_index", Int64Type.Default), ("BEN_NIR_PSA", StringType.Default),
        ("BEN_RNG_GEM", Int64Type.Default), ("second_BEN_NIR_PSA", StringType.Default), ("nir_change_date", Date32Type.Default),
        ("twin_of_index", Int64Type.Default), ("sex", Int64Type.Default), ("birth_year", Int64Type.Default),
        ("departement", StringType.Default), ("commune", StringType.Default), ("frailty", DoubleType.Default),
        ("continuity", DoubleType.Default), ("adherence", DoubleType.Default), ("declared_gp", StringType.Default),
        ("death_date", Date32Type.Default));

    public static readonly Schema ConditionsSchema = Build(
        ("BEN_IDT_ANO", StringType.Default), ("ald", Int64Type.Default), ("condition", StringType.Default),
        ("onset_date", Date32Type.Default), ("prevalent_at_start", BooleanType.Default), ("ald_start", Date32Type.Default),
        ("ald_end", Date32Type.Default), ("icd10", StringType.Default));

    public static readonly Schema Risks = Build(
        ("BEN_IDT_ANO", StringType.Default), ("year", Int64Type.Default), ("ald", Int64Type.Default), ("risk", DoubleType.Default),
        ("entered", BooleanType.Default));

    public static readonly Schema Departements = Build(
        ("departement", StringType.Default), ("name", StringType.Default), ("population_share", DoubleType.Default),
        ("hba1c_rate_multiplier", DoubleType.Default), ("gp_visit_7d_after_hf_discharge", DoubleType.Default),
        ("readmission_multiplier", DoubleType.Default), ("diabetes_risk_multiplier", DoubleType.Default));

    public static readonly Schema Establishments = Build(
        ("ETA_NUM", StringType.Default), ("FINESS", StringType.Default), ("departement", StringType.Default),
        ("public", BooleanType.Default), ("readmission_multiplier", DoubleType.Default));

    public static readonly Schema Outliers = Build(
        ("level", StringType.Default), ("id", StringType.Default), ("indicator", StringType.Default),
        ("planted", DoubleType.Default), ("baseline", DoubleType.Default));

    private readonly SinkSet _sinks;
    private readonly SynthWorld _world;

    public TruthEncoder(SinkSet sinks, SynthWorld world)
    {
        _sinks = sinks;
        _world = world;
    }

    public void Encode(PersonHistory h)
    {
        var p = _sinks.Truth("persons", Persons).NewRow();
        p.Text(0, h.IdtAno);
        p.Number(1, h.Index);
        p.Text(2, h.Nir);
        p.Number(3, h.Rank);
        p.Text(4, h.SecondNir);
        if (h.SecondNir is not null)
        {
            p.Date(5, h.NirChangeDay);
        }

        if (h.TwinOf >= 0)
        {
            p.Number(6, h.TwinOf);
        }

        p.Number(7, h.Sex);
        p.Number(8, h.BirthYear);
        p.Text(9, _world.Territories[h.Territory].Code);
        p.Text(10, h.Commune);
        p.Decimal(11, h.Frailty);
        p.Decimal(12, h.Continuity);
        p.Decimal(13, h.Adherence);
        p.Text(14, _world.Professionals[h.Gp].Id);
        if (h.DeathDay != ConditionState.None)
        {
            p.Date(15, h.DeathDay);
        }

        for (var c = 0; c < Conditions.Count; c++)
        {
            ref var s = ref h.Conditions[c];
            if (s.Onset == ConditionState.None)
            {
                continue;
            }

            var profile = Conditions.All[c];
            var b = _sinks.Truth("conditions", ConditionsSchema).NewRow();
            b.Text(0, h.IdtAno);
            b.Number(1, profile.Ald);
            b.Text(2, profile.Name);
            b.Date(3, s.Onset);
            b.Flag(4, s.Prevalent);
            if (s.AldStart != ConditionState.None)
            {
                b.Date(5, s.AldStart);
                b.Date(6, s.AldEnd);
            }

            b.Text(7, s.AldCode);
        }

        foreach (var (year, ald, risk) in h.Risks)
        {
            var r = _sinks.Truth("ald_risk", Risks).NewRow();
            r.Text(0, h.IdtAno);
            r.Number(1, year);
            r.Number(2, ald);
            r.Decimal(3, risk);
            var jan1 = SynthCalendar.Day(year, 1, 1);
            var start = AldStart(h, ald);
            r.Flag(4, start >= jan1 && start < SynthCalendar.Day(year + 1, 1, 1));
        }
    }

    public void WriteWorld()
    {
        foreach (var t in _world.Territories)
        {
            var b = _sinks.Truth("departement_effects", Departements).NewRow();
            b.Text(0, t.Code);
            b.Text(1, t.Name);
            b.Decimal(2, t.Weight);
            b.Decimal(3, t.Hba1cRate);
            b.Decimal(4, t.GpFollowUp7Days);
            b.Decimal(5, t.Readmission);
            b.Decimal(6, t.DiabetesRisk);
        }

        foreach (var e in _world.Establishments)
        {
            var b = _sinks.Truth("establishment_effects", Establishments).NewRow();
            b.Text(0, e.EtaNum);
            b.Text(1, e.Finess);
            b.Text(2, _world.Territories[e.Territory].Code);
            b.Flag(3, e.Public);
            b.Decimal(4, e.Readmission);
        }

        foreach (var o in _world.Outliers)
        {
            var b = _sinks.Truth("outliers", Outliers).NewRow();
            b.Text(0, o.Level);
            b.Text(1, o.Id);
            b.Text(2, o.Indicator);
            b.Decimal(3, o.Planted);
            b.Decimal(4, o.Baseline);
        }
    }

    private static int AldStart(PersonHistory h, int ald)
    {
        for (var c = 0; c < Conditions.Count; c++)
        {
            if (Conditions.All[c].Ald == ald)
            {
                return h.Conditions[c].AldStart;
            }
        }

        return ConditionState.None;
    }

    private static Schema Build(params (string Name, IArrowType Type)[] fields)
    {
        var builder = new Schema.Builder();
        foreach (var (name, type) in fields)
        {
            builder.Field(new Field(name, type, nullable: true));
        }

        return builder.Build();
    }
}
