using System.Collections.Immutable;

namespace OpenChronic.Domain.Pathways;

/// <summary>
/// Derives a <see cref="PatientPathway"/> from a timeline: nets regularisation lines, turns events into the facts
/// case definitions read, and computes conditions per year, ALD episodes, treatment lines and hospital episodes.
/// One instance serves every patient; it is stateless apart from its catalogue and options.
/// </summary>
public sealed class PathwayDeriver
{
    private readonly CaseDefinitionCatalogue _catalogue;
    private readonly ConditionClassifier _classifier;
    private readonly TreatmentLineOptions _lineOptions;

    // Working lists of a derivation, one set per thread: a derivation is synchronous and nothing it returns refers
    // to them, so the next derivation on the thread reuses them instead of growing new ones for every patient.
    [ThreadStatic]
    private static Scratch? s_scratch;

    public PathwayDeriver(CaseDefinitionCatalogue catalogue, TreatmentLineOptions? lineOptions = null)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        _catalogue = catalogue;
        _classifier = new ConditionClassifier(catalogue);
        _lineOptions = lineOptions ?? TreatmentLineOptions.Default;
    }

    /// <summary>True when an end day stands for "no end" (open ALD registrations).</summary>
    public static bool IsOpenEnd(int endDay) => endDay >= DateOnly.MaxValue.DayNumber;

    public PatientPathway Derive(ReadOnlySpan<CareEvent> timeline, IReadOnlyList<int> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        var scratch = s_scratch ??= new Scratch();
        var dispensations = NetDispensations(timeline, scratch);
        var facts = scratch.Facts;
        facts.Clear();
        facts.EnsureCapacity(timeline.Length);
        var registrations = scratch.Registrations;
        registrations.Clear();
        int? deathYear = null;
        foreach (var (atc, day, boxes, large) in dispensations)
        {
            facts.Add(new ClinicalFact(ClinicalFactKind.Dispensation, day, atc, LargePack: large));
        }

        foreach (ref readonly var e in timeline)
        {
            switch (e.Kind)
            {
                case CareEventKind.Diagnosis:
                    facts.Add(new ClinicalFact(ClinicalFactKind.Diagnosis, e.Date, CodeStrings.Of(e.Code), PositionOf(e.Traits)));
                    break;
                case CareEventKind.Act:
                    facts.Add(new ClinicalFact(ClinicalFactKind.Act, e.Date, CodeStrings.Of(e.Code)));
                    break;
                case CareEventKind.AldRegistration:
                    DateOnly? end = IsOpenEnd(e.EndDay) ? null : e.EndDate;
                    var icd = CodeStrings.Of(e.Code);
                    var ald = (int)e.Value;
                    facts.Add(new ClinicalFact(ClinicalFactKind.AldRegistration, e.Date, icd, End: end, AldNumber: ald));
                    registrations.Add((ald, icd, e.Date, end));
                    break;
                case CareEventKind.Death:
                    deathYear = Math.Min(deathYear ?? int.MaxValue, e.Date.Year);
                    break;
                default:
                    break;
            }
        }

        var factSpan = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(facts);
        var conditions = ImmutableArray.CreateBuilder<ConditionYear>();
        foreach (var year in years)
        {
            // No condition in the years after death (earliest date of the sources): open ALDs and lookbacks would outlive the patient.
            if (deathYear is { } died && died < year)
            {
                continue;
            }

            conditions.AddRange(_classifier.Classify(factSpan, year));
        }

        return new PatientPathway(conditions.ToImmutable(), AldEpisodeBuilder.Build(registrations), Lines(dispensations),
            HospitalEpisodeBuilder.Build(timeline));
    }

    /// <summary>
    /// The per-patient sequence measures alone: treatment lines of every condition with treatment classes, and
    /// hospitalisation episodes with their post-discharge contacts (the same as <see cref="Derive"/> gives, without
    /// conditions and ALD episodes).
    /// </summary>
    public (ImmutableArray<(string ConditionId, TreatmentLine Line)> Lines, ImmutableArray<HospitalEpisode> Episodes) DeriveSequences(ReadOnlySpan<CareEvent> timeline) =>
        (Lines(NetDispensations(timeline, s_scratch ??= new Scratch())), HospitalEpisodeBuilder.Build(timeline));

    private ImmutableArray<(string ConditionId, TreatmentLine Line)> Lines(List<(string Atc, DateOnly Date, double Boxes, bool LargePack)> dispensations)
    {
        var lines = ImmutableArray.CreateBuilder<(string, TreatmentLine)>();
        foreach (var definition in _catalogue.Conditions)
        {
            if (definition.TreatmentAtc.IsEmpty)
            {
                continue;
            }

            var eras = TreatmentLineBuilder.Eras(dispensations, definition.TreatmentAtc, _lineOptions);
            foreach (var line in TreatmentLineBuilder.Lines(eras, _lineOptions))
            {
                lines.Add((definition.Id, line));
            }
        }

        return lines.ToImmutable();
    }

    // Regularisation lines carry negative boxes for a dispensation already counted: net them per day, ATC and CIP13;
    // what nets to zero or less was not dispensed.
    private static List<(string Atc, DateOnly Date, double Boxes, bool LargePack)> NetDispensations(ReadOnlySpan<CareEvent> timeline, Scratch scratch)
    {
        var count = 0;
        foreach (ref readonly var e in timeline)
        {
            count += e.Kind == CareEventKind.Dispensation ? 1 : 0;
        }

        // Sized once (the enumeration order of a dictionary without removals is the insertion order, whatever its
        // size or past use once cleared).
        var net = scratch.Net;
        net.Clear();
        net.EnsureCapacity(count);
        foreach (ref readonly var e in timeline)
        {
            if (e.Kind == CareEventKind.Dispensation)
            {
                var key = (e.Day, e.Code, e.Detail);
                ref var entry = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(net, key, out _);
                entry = (entry.Boxes + e.Value, entry.Large || (e.Traits & CareEventTraits.LargePack) != 0);
            }
        }

        var result = scratch.Dispensations;
        result.Clear();
        result.EnsureCapacity(net.Count);
        foreach (var ((day, atc, _), (boxes, large)) in net)
        {
            if (boxes > 0)
            {
                result.Add((CodeStrings.Of(atc), DateOnly.FromDayNumber(day), boxes, large));
            }
        }

        result.Sort((a, b) => a.Item2.CompareTo(b.Item2) is var c && c != 0 ? c : string.CompareOrdinal(a.Item1, b.Item1));
        return result;
    }

    private static DiagnosisPosition PositionOf(CareEventTraits traits) =>
        (traits & CareEventTraits.Principal) != 0 ? DiagnosisPosition.Principal
        : (traits & CareEventTraits.Related) != 0 ? DiagnosisPosition.Related
        : (traits & CareEventTraits.Associated) != 0 ? DiagnosisPosition.Associated
        : DiagnosisPosition.None;

    private sealed class Scratch
    {
        public Dictionary<(int Day, ulong Atc, ulong Cip), (double Boxes, bool Large)> Net { get; } = [];

        public List<(string Atc, DateOnly Date, double Boxes, bool LargePack)> Dispensations { get; } = [];

        public List<ClinicalFact> Facts { get; } = [];

        public List<(int, string, DateOnly, DateOnly?)> Registrations { get; } = [];
    }
}
