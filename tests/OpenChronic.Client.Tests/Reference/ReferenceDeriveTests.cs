using System.Globalization;
using System.Text;
using OpenChronic.Client.Reference;
using OpenChronic.Domain.Pathways;

namespace OpenChronic.Client.Tests.Reference;

/// <summary>The SQL derivation of the reference against <see cref="PathwayDeriver"/> on seeded random timelines (no grid).</summary>
public sealed class ReferenceDeriveTests
{
    /// <summary>End day of an open ALD registration, as ingestion stores it.</summary>
    private const int OpenEnd = int.MaxValue;
    private static readonly int[] s_years = [2019, 2020, 2021];
    private static readonly string[] s_atc = ["A10BA02", "A10BB09", "C07AB02", "C09AA05", "C03CA01", "R03AC02", "N05AH03", "N06AB06", "L01XE01", "B01AC06"];
    private static readonly string[] s_icd = ["E110", "I500", "I210", "C509", "C780", "N183", "J441", "F200", "I10", "I639"];
    private static readonly string[] s_aldIcd = ["E11", "I50", "I25", "I10", "C50"];
    private static readonly int[] s_ald = [8, 5, 13, 30, 12];
    private static readonly short[] s_specialties = [0, 1, 22, 23, 5, 10];
    private static readonly int s_origin = new DateOnly(2018, 10, 1).DayNumber;

    [Fact]
    public void Derive_RandomTimelines_MatchPathwayDeriver()
    {
        var random = new Random(20_261_129);
        var deriver = new PathwayDeriver(CaseDefinitionCatalogue.Default);
        var expected = new List<string>();
        using var connection = ReferenceBuild.Connect();
        ReferenceSql.Execute(connection, """
            CREATE TABLE events (patient_id VARCHAR, date DATE, end_date DATE, kind VARCHAR, code VARCHAR, detail VARCHAR, specialty INTEGER,
                value DOUBLE, hospital BOOLEAN, large_pack BOOLEAN, ald_related BOOLEAN, diagnosis_position VARCHAR)
            """);
        for (var p = 0; p < 300; p++)
        {
            var id = p.ToString("D4", CultureInfo.InvariantCulture);
            var events = Timeline(random);
            Array.Sort(events);
            Insert(connection, id, events);
            var pathway = deriver.Derive(events, s_years);
            expected.AddRange(pathway.Conditions.Select(c => $"C {id} {c.Year} {c.ConditionId} {(int)c.Evidence}"));
            expected.AddRange(pathway.AldEpisodes.Select(e => $"A {id} {e.AldNumber} {e.Icd10} {D(e.Start)} {D(e.End)}"));
            expected.AddRange(pathway.TreatmentLines.Select(l => $"L {id} {l.ConditionId} {l.Line.Number} {l.Line.Regimen} {D(l.Line.Start)} {D(l.Line.End)}"));
            expected.AddRange(pathway.HospitalEpisodes.Select(h =>
                $"S {id} {D(h.Admission)} {D(h.Discharge)} {h.Stays} {N(h.DaysToGp)} {N(h.DaysToSpecialist)} {N(h.DaysToReadmission)}"));
        }

        ReferenceDerive.Dispensed(connection);
        ReferenceSql.Execute(connection, ConditionSql.Create(CaseDefinitionCatalogue.Default, s_years));
        ReferenceDerive.AldEpisodes(connection);
        ReferenceDerive.TreatmentLines(connection, CaseDefinitionCatalogue.Default, TreatmentLineOptions.Default);
        ReferenceDerive.Stays(connection);
        var actual = ReferenceSql.Rows(connection, """
            SELECT 'C ' || patient_id || ' ' || year || ' ' || condition || ' ' || (by_ald::INT + 2 * by_hospital::INT + 4 * by_drugs::INT + 8 * by_acts::INT) FROM conditions
            UNION ALL SELECT 'A ' || patient_id || ' ' || ald_number || ' ' || icd10 || ' ' || start_date || ' ' || coalesce(end_date::VARCHAR, '-') FROM ald_episodes
            UNION ALL SELECT 'L ' || patient_id || ' ' || condition || ' ' || line || ' ' || regimen || ' ' || start_date || ' ' || end_date FROM treatment_lines
            UNION ALL SELECT 'S ' || patient_id || ' ' || admission || ' ' || discharge || ' ' || stays || ' ' || coalesce(days_to_gp::VARCHAR, '-') || ' '
                || coalesce(days_to_specialist::VARCHAR, '-') || ' ' || coalesce(days_to_readmission::VARCHAR, '-') FROM stays
            """).Select(r => r[0]).ToList();

        Assert.True(expected.Count(e => e[0] == 'L') > 100, "too few treatment lines to compare");
        Assert.True(expected.Count(e => e[0] == 'S') > 100, "too few hospital episodes to compare");
        expected.Sort(StringComparer.Ordinal);
        actual.Sort(StringComparer.Ordinal);
        Assert.Equal(expected, actual);
    }

    private static CareEvent[] Timeline(Random random)
    {
        var events = new List<CareEvent>();
        var dispensations = random.Next(0, 40);
        var atc = s_atc[random.Next(s_atc.Length)];
        for (var i = 0; i < dispensations; i++)
        {
            if (random.Next(4) == 0)
            {
                atc = s_atc[random.Next(s_atc.Length)];
            }

            var day = Day(random, 1180);
            var cip = PackedCode.Pack("34009" + random.Next(2).ToString("D8", CultureInfo.InvariantCulture));
            var boxes = random.Next(10) == 0 ? -1f : random.Next(1, 4);
            var traits = random.Next(5) == 0 ? CareEventTraits.LargePack : CareEventTraits.None;
            events.Add(new CareEvent(day, day, CareEventKind.Dispensation, traits, 0, PackedCode.Pack(atc), cip, boxes));
        }

        for (var i = random.Next(0, 5); i > 0; i--)
        {
            var day = Day(random, 1180);
            events.Add(new CareEvent(day, day + random.Next(0, 12), CareEventKind.HospitalStay, CareEventTraits.Hospital, 0, PackedCode.Pack("05M09T"), 0, 1f));
            var position = random.Next(3) switch { 0 => CareEventTraits.Principal, 1 => CareEventTraits.Related, _ => CareEventTraits.Associated };
            events.Add(new CareEvent(day, day, CareEventKind.Diagnosis, CareEventTraits.Hospital | position, 0, PackedCode.Pack(s_icd[random.Next(s_icd.Length)]), 0, 0f));
        }

        for (var i = random.Next(0, 12); i > 0; i--)
        {
            var day = Day(random, 1200);
            var traits = random.Next(5) == 0 ? CareEventTraits.Hospital : CareEventTraits.None;
            events.Add(new CareEvent(day, day, CareEventKind.Consultation, traits, s_specialties[random.Next(s_specialties.Length)], PackedCode.Pack("1111"), 0, 1f));
        }

        for (var i = random.Next(0, 4); i > 0; i--)
        {
            var day = Day(random, 1180);
            var end = random.Next(5) == 0 ? OpenEnd : day + random.Next(0, 700);
            var k = random.Next(s_ald.Length);
            events.Add(new CareEvent(day, end, CareEventKind.AldRegistration, CareEventTraits.None, 0, PackedCode.Pack(s_aldIcd[k]), 0, s_ald[k]));
        }

        if (random.Next(15) == 0)
        {
            var day = Day(random, 1180);
            events.Add(new CareEvent(day, day, CareEventKind.Death, CareEventTraits.None, 0, 0, 0, 0f));
        }

        return [.. events];
    }

    private static int Day(Random random, int span) => s_origin + random.Next(span);

    private static void Insert(DuckDB.NET.Data.DuckDBConnection connection, string id, CareEvent[] events)
    {
        if (events.Length == 0)
        {
            return;
        }

        var sql = new StringBuilder("INSERT INTO events VALUES ");
        for (var i = 0; i < events.Length; i++)
        {
            var e = events[i];
            var kind = Ingestion.Database.DatabaseWriter.KindName(e.Kind);
            var end = PathwayDeriver.IsOpenEnd(e.EndDay) ? "NULL" : $"DATE '{D(e.EndDate)}'";
            var position = (e.Traits & CareEventTraits.Principal) != 0 ? "'DP'" : (e.Traits & CareEventTraits.Related) != 0 ? "'DR'"
                : (e.Traits & CareEventTraits.Associated) != 0 ? "'DAS'" : "NULL";
            sql.Append(CultureInfo.InvariantCulture, $"{(i > 0 ? ", " : "")}('{id}', DATE '{D(e.Date)}', {end}, '{kind}', '{PackedCode.Unpack(e.Code)}', '{PackedCode.Unpack(e.Detail)}', ")
                .Append(CultureInfo.InvariantCulture, $"{e.Specialty}, {((double)e.Value).ToString("R", CultureInfo.InvariantCulture)}, {B(e, CareEventTraits.Hospital)}, ")
                .Append(CultureInfo.InvariantCulture, $"{B(e, CareEventTraits.LargePack)}, false, {position})");
        }

        ReferenceSql.Execute(connection, sql.ToString());
    }

    private static string B(CareEvent e, CareEventTraits trait) => (e.Traits & trait) != 0 ? "true" : "false";

    private static string D(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string D(DateOnly? date) => date is { } d ? D(d) : "-";

    private static string N(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";
}
