using DuckDB.NET.Data;
using OpenChronic.Domain.Snds;

namespace OpenChronic.Client.Reference;

/// <summary>
/// PMSI MCO in SQL, per year: the first T_MCOaaB line of an ETA_NUM + RSA_NUM key is the stay; its first T_MCOaaC line
/// links it to a person (rank hint, then the only candidate of the NIR, then the sex, birth-year and alive-at-admission hints among
/// twins, as <c>PersonDirectory.ResolvePmsi</c>);
/// GHM 90*, quality flags, dummy and fictitious NIRs filter the stay; T_MCOaaD diagnoses and T_MCOaaA acts follow it.
/// </summary>
internal static class ReferencePmsi
{
    private static readonly string[] s_retFlags = ["NIR_RET", "SEJ_RET", "FHO_RET", "PMS_RET", "DAT_RET"];

    public static void Run(DuckDBConnection connection, ReferenceSource s)
    {
        if (!s.Has("T_MCOaaB"))
        {
            return;
        }

        var keys = SndsCatalogue.PmsiKeys;
        const string B = "T_MCOaaB";
        const string C = "T_MCOaaC";
        var eta = s.Text(B, "ETA_NUM");
        ReferenceSql.Execute(connection, $"""
            CREATE OR REPLACE TABLE stay_b AS
            SELECT * FROM (
                SELECT unit, seq, {s.Key(B, keys)} AS key, coalesce(starts_with({s.Text(B, "GRG_GHM")}, '90'), false) AS error_ghm,
                    pack8({s.Text(B, "GRG_GHM")}) AS ghm, packicd({s.Text(B, "DGN_PAL")}) AS dp, packicd({s.Text(B, "DGN_REL")}) AS dr,
                    coalesce({s.Long(B, "SOR_MOD")} = 9, false) AS death,
                    CASE WHEN {s.Long(B, "COD_SEX")} IN (1, 2) THEN {s.Long(B, "COD_SEX")} END AS sex,
                    least(greatest({s.Long(B, "AGE_ANN")}, 0), 150) AS age,
                    CASE WHEN regexp_full_match(coalesce({eta}, ''), '[0-9]{"{"}9,13{"}"}') THEN {eta} ELSE pack8({eta}) END AS eta
                FROM {s.From(B)})
            WHERE key IS NOT NULL
            QUALIFY row_number() OVER (PARTITION BY unit, key ORDER BY seq) = 1
            """);
        var flags = string.Join(" OR ", s_retFlags.Select(f => s.NonZeroFlag(C, f)));
        ReferenceSql.Execute(connection, $"""
            CREATE OR REPLACE TABLE stay_c AS
            SELECT * FROM (
                SELECT unit, seq, {s.Key(C, keys)} AS key, {s.Text(C, "NIR_ANO_17")} AS nir, {s.Long(C, "RNG_BEN")} AS rank_hint,
                    ({flags}) AS flagged,
                    coalesce({s.Day(C, "ENT_DAT")}, {s.Day(C, "EXE_SOI_DTD")}) AS day,
                    coalesce({s.Day(C, "SOR_DAT")}, {s.Day(C, "EXE_SOI_DTF")}, {s.Day(C, "ENT_DAT")}, {s.Day(C, "EXE_SOI_DTD")}) AS end_day
                FROM {s.From(C)})
            WHERE key IS NOT NULL
            QUALIFY row_number() OVER (PARTITION BY unit, key ORDER BY seq) = 1
            """);
        ReferenceSql.Execute(connection, """
            CREATE OR REPLACE TABLE stay_link AS
            SELECT b.*, c.nir, c.rank_hint, c.day, c.end_day,
                CASE WHEN b.age IS NOT NULL AND c.day IS NOT NULL THEN year(c.day) - b.age END AS birth_hint
            FROM stay_b b JOIN stay_c c ON c.unit = b.unit AND c.key = b.key
            WHERE NOT b.error_ghm AND NOT c.flagged AND c.nir IS NOT NULL AND c.nir NOT IN ('xxxxxxxxxxxxxxxxx', 'XXXXXXXXXXXXXXXXD');
            CREATE OR REPLACE TABLE stay_person AS
            WITH by_rank AS (
                SELECT l.unit, l.key, k.idt FROM stay_link l JOIN nir_rank k ON k.nir = l.nir AND k.rank = l.rank_hint),
            candidates AS (
                SELECT l.unit, l.key, count(*) AS n, any_value(k.idt) AS only,
                    count(*) FILTER (WHERE (l.sex IS NULL OR p.sex = l.sex) AND (l.birth_hint IS NULL OR abs(p.birth_year - l.birth_hint) <= 1)
                        AND (p.death IS NULL OR p.death >= l.day)) AS m,
                    max(k.idt) FILTER (WHERE (l.sex IS NULL OR p.sex = l.sex) AND (l.birth_hint IS NULL OR abs(p.birth_year - l.birth_hint) <= 1)
                        AND (p.death IS NULL OR p.death >= l.day)) AS pick
                FROM stay_link l JOIN nir_rank k ON k.nir = l.nir JOIN persons p ON p.idt = k.idt
                GROUP BY l.unit, l.key)
            SELECT l.*, coalesce(r.idt, CASE WHEN c.n = 1 THEN c.only WHEN c.m = 1 THEN c.pick END) AS idt
            FROM stay_link l LEFT JOIN by_rank r ON r.unit = l.unit AND r.key = l.key LEFT JOIN candidates c ON c.unit = l.unit AND c.key = l.key
            WHERE l.day IS NOT NULL AND coalesce(r.idt, CASE WHEN c.n = 1 THEN c.only WHEN c.m = 1 THEN c.pick END) IS NOT NULL;
            INSERT INTO ev SELECT idt, day, greatest(day, end_day), 'hospital_stay', ghm, eta, 0, 1, true, false, false, NULL FROM stay_person;
            INSERT INTO ev SELECT idt, day, day, 'diagnosis', dp, eta, 0, 0, true, false, false, 'DP' FROM stay_person WHERE dp <> '';
            INSERT INTO ev SELECT idt, day, day, 'diagnosis', dr, eta, 0, 0, true, false, false, 'DR' FROM stay_person WHERE dr <> '';
            INSERT INTO ev SELECT idt, end_day, end_day, 'death', '', eta, 0, 0, true, false, false, NULL FROM stay_person WHERE death;
            """);
        foreach (var (table, column, act) in new[] { ("T_MCOaaD", "ASS_DGN", false), ("T_MCOaaA", "CDC_ACT", true) })
        {
            if (!s.Has(table))
            {
                continue;
            }

            var code = act ? $"pack8({s.Text(table, column)})" : $"packicd({s.Text(table, column)})";
            ReferenceSql.Execute(connection, $"""
                INSERT INTO ev
                SELECT p.idt, p.day, p.day, {(act ? "'act'" : "'diagnosis'")}, x.code, p.eta, 0, {(act ? "1" : "0")}, true, false, false, {(act ? "NULL" : "'DAS'")}
                FROM (SELECT unit, {s.Key(table, keys)} AS key, {code} AS code FROM {s.From(table)}) x
                JOIN stay_person p ON p.unit = x.unit AND p.key = x.key
                """);
        }
    }
}
