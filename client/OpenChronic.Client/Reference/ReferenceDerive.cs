using DuckDB.NET.Data;
using OpenChronic.Domain.Pathways;

namespace OpenChronic.Client.Reference;

/// <summary>
/// The derivation half of the DuckDB reference, in SQL over the <c>events</c> table: netted dispensations, ALD episodes
/// (gaps and islands on registrations of one ALD number), treatment lines (eras per ATC class with a 30-day gap, cut
/// where the set of active classes changes, short overlaps kept as switches), and hospital episodes with the first
/// community GP and specialist contact after discharge (ASOF joins) and the next admission.
/// </summary>
internal static class ReferenceDerive
{
    /// <summary>Patients and events, from the ingested <c>ev</c> table and the <c>pseudonyms</c> map.</summary>
    public static void Tables(DuckDBConnection connection)
    {
        ReferenceSql.Execute(connection, """
            CREATE OR REPLACE TABLE events AS
            SELECT ps.patient_id, e.date, e.end_date, e.kind, e.code, e.detail, e.specialty, e.value, e.hospital, e.large_pack, e.ald_related, e.diagnosis_position
            FROM ev e JOIN pseudonyms ps ON ps.idt = e.idt;
            CREATE OR REPLACE TABLE patients AS
            SELECT ps.patient_id, p.sex, p.birth_year, nullif(p.birth_month, 0) AS birth_month, p.dpt AS departement, p.com AS commune,
                p.death AS death_date, coalesce(n.events, 0) AS events, d.mtt AS declared_gp
            FROM persons p JOIN pseudonyms ps ON ps.idt = p.idt
            LEFT JOIN (SELECT idt, count(*) AS events FROM ev GROUP BY idt) n ON n.idt = p.idt
            LEFT JOIN declared d ON d.idt = p.idt;
            """);
        Dispensed(connection);
    }

    /// <summary>Dispensations netted per patient, day, ATC and CIP13 (regularisation lines subtracted); what nets to zero or less is dropped.</summary>
    public static void Dispensed(DuckDBConnection connection)
    {
        ReferenceSql.Execute(connection, """
            CREATE OR REPLACE TABLE dispensed AS
            SELECT patient_id, date, code AS atc, sum(value) AS boxes, bool_or(large_pack) AS large
            FROM events WHERE kind = 'dispensation'
            GROUP BY patient_id, date, code, detail HAVING sum(value) > 0;
            """);
    }

    public static void AldEpisodes(DuckDBConnection connection) => ReferenceSql.Execute(connection, """
        CREATE OR REPLACE TABLE ald_episodes AS
        WITH r AS (SELECT patient_id, CAST(trunc(value) AS INTEGER) AS ald, code AS icd, date AS s, end_date AS e FROM events WHERE kind = 'ald_registration'),
        o AS (SELECT *, max(coalesce(e, DATE '9999-12-31')) OVER (PARTITION BY patient_id, ald ORDER BY s, icd ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end FROM r),
        g AS (SELECT *, sum(CASE WHEN prev_end IS NULL OR s - 1 > prev_end THEN 1 ELSE 0 END)
            OVER (PARTITION BY patient_id, ald ORDER BY s, icd ROWS UNBOUNDED PRECEDING) AS grp FROM o)
        SELECT patient_id, ald AS ald_number, first(icd ORDER BY s, icd) AS icd10, min(s) AS start_date,
            CASE WHEN bool_or(e IS NULL) THEN NULL ELSE max(e) END AS end_date
        FROM g GROUP BY patient_id, ald, grp
        """);

    /// <summary>Treatment lines of every condition of the catalogue that names treatment drugs.</summary>
    public static void TreatmentLines(DuckDBConnection connection, CaseDefinitionCatalogue catalogue, TreatmentLineOptions options)
    {
        var perCondition = catalogue.Conditions.Where(c => !c.TreatmentAtc.IsEmpty)
            .Select(c => $"SELECT patient_id, {ReferenceSql.Literal(c.Id)} AS condition, date, atc, boxes, large FROM dispensed " +
                         $"WHERE length(atc) >= {options.ClassLength} AND {ReferenceSql.StartsWithAny("atc", c.TreatmentAtc)}")
            .ToArray();
        var source = perCondition.Length == 0
            ? "SELECT NULL::VARCHAR AS patient_id, NULL::VARCHAR AS condition, NULL::DATE AS date, NULL::VARCHAR AS atc, NULL::DOUBLE AS boxes, NULL::BOOLEAN AS large WHERE false"
            : string.Join("\nUNION ALL ", perCondition);
        ReferenceSql.Execute(connection, $"""
            CREATE OR REPLACE TABLE treatment_lines AS
            WITH d AS ({source}),
            cd AS (
                SELECT patient_id, condition, left(atc, {options.ClassLength}) AS cls, date,
                    sum(boxes * CASE WHEN large THEN {options.DaysPerLargePack} ELSE {options.DaysPerPack} END) AS covered
                FROM d GROUP BY ALL HAVING covered > 0),
            c AS (SELECT *, date + CAST(ceil(covered) AS INTEGER) - 1 AS last FROM cd),
            o AS (SELECT *, max(last) OVER (PARTITION BY patient_id, condition, cls ORDER BY date ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev FROM c),
            g AS (SELECT *, sum(CASE WHEN prev IS NULL OR date > prev + {options.EraGapDays + 1} THEN 1 ELSE 0 END)
                OVER (PARTITION BY patient_id, condition, cls ORDER BY date ROWS UNBOUNDED PRECEDING) AS era FROM o),
            eras AS (SELECT patient_id, condition, cls, min(date) AS s, max(last) AS e FROM g GROUP BY patient_id, condition, cls, era),
            cuts AS (SELECT DISTINCT patient_id, condition, s AS cut FROM eras UNION SELECT patient_id, condition, e + 1 FROM eras),
            spans AS (
                SELECT * FROM (SELECT patient_id, condition, cut AS f, lead(cut) OVER (PARTITION BY patient_id, condition ORDER BY cut) - 1 AS t FROM cuts)
                WHERE t IS NOT NULL),
            seg AS (
                SELECT sp.patient_id, sp.condition, sp.f, sp.t, string_agg(DISTINCT e.cls, '+' ORDER BY e.cls) AS regimen, count(DISTINCT e.cls) AS classes
                FROM spans sp JOIN eras e ON e.patient_id = sp.patient_id AND e.condition = sp.condition AND e.s <= sp.f AND e.e >= sp.t
                GROUP BY ALL),
            marked AS (
                SELECT *, classes > 1 AND datediff('day', f, t) + 1 < {options.CombinationWindowDays}
                    AND coalesce(lag(t) OVER w + 1 = f, false) AS switch
                FROM seg WINDOW w AS (PARTITION BY patient_id, condition ORDER BY f)),
            held AS (
                SELECT *, sum(CASE WHEN switch THEN 0 ELSE 1 END) OVER (PARTITION BY patient_id, condition ORDER BY f ROWS UNBOUNDED PRECEDING) AS hold
                FROM marked),
            eff AS (SELECT *, first_value(regimen) OVER (PARTITION BY patient_id, condition, hold ORDER BY f) AS kept FROM held),
            starts AS (
                SELECT *, CASE WHEN lag(kept) OVER w IS DISTINCT FROM kept OR lag(t) OVER w + 1 < f THEN 1 ELSE 0 END AS new_line
                FROM eff WINDOW w AS (PARTITION BY patient_id, condition ORDER BY f)),
            numbered AS (SELECT *, sum(new_line) OVER (PARTITION BY patient_id, condition ORDER BY f ROWS UNBOUNDED PRECEDING) AS line FROM starts)
            SELECT patient_id, condition, CAST(line AS INTEGER) AS line, any_value(kept) AS regimen, min(f) AS start_date, max(t) AS end_date
            FROM numbered GROUP BY patient_id, condition, line
            """);
    }

    public static void Stays(DuckDBConnection connection) => ReferenceSql.Execute(connection, """
        CREATE OR REPLACE TABLE stays AS
        WITH s AS (SELECT patient_id, date AS a, greatest(date, end_date) AS d FROM events WHERE kind = 'hospital_stay'),
        o AS (SELECT *, max(d) OVER (PARTITION BY patient_id ORDER BY a, d ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS pm FROM s),
        g AS (SELECT *, sum(CASE WHEN pm IS NULL OR a > pm THEN 1 ELSE 0 END) OVER (PARTITION BY patient_id ORDER BY a, d ROWS UNBOUNDED PRECEDING) AS grp FROM o),
        ep AS (SELECT patient_id, min(a) AS admission, max(d) AS discharge, CAST(count(*) AS INTEGER) AS stays FROM g GROUP BY patient_id, grp),
        gp AS (SELECT DISTINCT patient_id, date FROM events WHERE kind = 'consultation' AND NOT hospital AND specialty IN (1, 22, 23)),
        sp AS (SELECT DISTINCT patient_id, date FROM events WHERE kind = 'consultation' AND NOT hospital AND specialty > 0 AND specialty NOT IN (1, 22, 23)),
        with_gp AS (SELECT ep.*, gp.date AS gp_date FROM ep ASOF LEFT JOIN gp ON gp.patient_id = ep.patient_id AND gp.date >= ep.discharge),
        with_sp AS (SELECT w.*, sp.date AS sp_date FROM with_gp w ASOF LEFT JOIN sp ON sp.patient_id = w.patient_id AND sp.date >= w.discharge)
        SELECT patient_id, admission, discharge, stays,
            CAST(datediff('day', discharge, gp_date) AS INTEGER) AS days_to_gp,
            CAST(datediff('day', discharge, sp_date) AS INTEGER) AS days_to_specialist,
            CAST(datediff('day', discharge, lead(admission) OVER (PARTITION BY patient_id ORDER BY admission)) AS INTEGER) AS days_to_readmission
        FROM with_sp
        """);
}
