using DuckDB.NET.Data;
using OpenChronic.Domain.Snds;

namespace OpenChronic.Client.Reference;

/// <summary>
/// DCIR in SQL: within each flux month, ER_PRS_F lines joined to their ER_PHA_F / ER_BIO_F / ER_CAM_F details and
/// ER_ETE_F establishment line on the nine keys; the first ER_PRS_F line of a key owns its details (later lines of the
/// same file are duplicates); malformed lines, information lines (71), majorations, BSE_PRS_NAT = 0, public hospitals
/// billed in PMSI (ETE_IND_TAA = 1) and unresolved persons yield no event.
/// </summary>
internal static class ReferenceDcir
{
    public static void Run(DuckDBConnection connection, ReferenceSource s)
    {
        if (!s.Has("ER_PRS_F"))
        {
            return;
        }

        var keys = SndsCatalogue.DcirKeys;
        ReferenceSql.Execute(connection, "CREATE OR REPLACE TABLE drugs (cip13 BIGINT PRIMARY KEY, atc VARCHAR, large BOOLEAN)");
        using (var appender = connection.CreateAppender("drugs"))
        {
            foreach (var drug in DrugReferential.Default.Drugs.DistinctBy(d => d.Cip13))
            {
                var atc = Domain.Pathways.PackedCode.TryPack(drug.Atc7, out _) ? drug.Atc7 : "";
                appender.CreateRow().AppendValue(drug.Cip13).AppendValue(atc).AppendValue(drug.LargePack).EndRow();
            }
        }

        const string E = "ER_ETE_F";
        ReferenceSql.Execute(connection, $"""
            CREATE OR REPLACE TABLE ete AS
            SELECT unit, key, arg_min(taa, seq) AS taa FROM (
                SELECT unit, seq, {s.Key(E, keys)} AS key, coalesce({s.Long(E, "ETE_IND_TAA")}, -1) AS taa FROM {s.From(E)})
            WHERE key IS NOT NULL GROUP BY unit, key
            """);
        ReferenceSql.Execute(connection, $"""
            CREATE OR REPLACE TABLE details AS
            {Details(s, "ER_PHA_F", keys)}
            UNION ALL {Details(s, "ER_BIO_F", keys)}
            UNION ALL {Details(s, "ER_CAM_F", keys)}
            """);
        const string P = "ER_PRS_F";
        ReferenceSql.Execute(connection, $"""
            CREATE OR REPLACE TABLE prs AS
            WITH r AS (
                SELECT unit, seq, seq // 4294967296 AS ord, {s.Key(P, keys)} AS key,
                    {s.Day(P, "EXE_SOI_DTD")} AS day, {s.Day(P, "FLX_DIS_DTD")} AS flux,
                    coalesce({s.Long(P, "DPN_QLF")}, 0) AS dpn, coalesce({s.Long(P, "PRS_DPN_QLP")}, 0) AS dpnp,
                    coalesce({s.Long(P, "CPL_MAJ_TOP")}, 0) AS maj, {s.Long(P, "BSE_PRS_NAT")} AS bse,
                    {s.Text(P, "BEN_NIR_PSA")} AS nir, coalesce({s.Long(P, "BEN_RNG_GEM")}, 1) AS rank,
                    CAST(least(greatest(coalesce({s.Long(P, "PSE_SPE_COD")}, 0), 0), 32767) AS INTEGER) AS spe,
                    coalesce({s.Long(P, "EXO_MTF")}, 0) IN (42, 44, 46) AS ald_related,
                    left(CAST(coalesce({s.Long(P, "PRS_NAT_REF")}, 0) AS VARCHAR), 8) AS nature,
                    pack8({s.Text(P, "PFS_EXE_NUM")}) AS executor, {s.Float(P, "PRS_ACT_QTE")} AS qty,
                    coalesce({s.Text(P, "PRS_MTT_NUM")}, '') AS mtt_raw, pack8({s.Text(P, "PRS_MTT_NUM")}) AS mtt
                FROM {s.From(P)}),
            first_in_file AS (
                SELECT * FROM r WHERE key IS NOT NULL
                QUALIFY row_number() OVER (PARTITION BY unit, ord, key ORDER BY seq) = 1)
            SELECT *, row_number() OVER (PARTITION BY unit, key ORDER BY seq) = 1 AS owner FROM first_in_file
            """);
        ReferenceSql.Execute(connection, """
            CREATE OR REPLACE TABLE claims AS
            SELECT p.*, k.idt, e.key IS NOT NULL AS has_ete
            FROM prs p
            LEFT JOIN ete e ON e.unit = p.unit AND e.key = CASE WHEN p.owner THEN p.key END
            JOIN nir_rank k ON k.nir = p.nir AND k.rank = p.rank
            WHERE p.day IS NOT NULL AND NOT coalesce(p.day > p.flux + 366, false)
              AND p.dpn <> 71 AND p.dpnp <> 71 AND p.maj < 2 AND coalesce(p.bse, -1) <> 0 AND NOT coalesce(e.taa = 1, false)
            """);
        ReferenceSql.Execute(connection, """
            INSERT INTO ev
            SELECT c.idt, c.day, c.day, d.kind, d.code, d.detail, c.spe, d.value, c.has_ete, d.large, c.ald_related, NULL
            FROM claims c JOIN details d ON c.owner AND d.unit = c.unit AND d.key = c.key
            """);
        ReferenceSql.Execute(connection, """
            INSERT INTO ev
            SELECT c.idt, c.day, c.day, 'consultation', c.nature, c.executor, c.spe, c.qty, c.has_ete, false, c.ald_related, NULL
            FROM claims c
            WHERE NOT (c.owner AND EXISTS (SELECT 1 FROM details d WHERE d.unit = c.unit AND d.key = c.key))
            """);
        ReferenceSql.Execute(connection, """
            CREATE OR REPLACE TABLE declared AS
            SELECT idt, mtt FROM claims WHERE mtt <> '' AND NOT regexp_full_match(mtt_raw, '0*')
            QUALIFY row_number() OVER (PARTITION BY idt ORDER BY day DESC, mtt DESC) = 1;
            """);
    }

    private static string Details(ReferenceSource s, string table, IReadOnlyList<string> keys)
    {
        if (!s.Has(table))
        {
            return "SELECT NULL::VARCHAR AS unit, NULL::VARCHAR AS key, NULL::VARCHAR AS kind, NULL::VARCHAR AS code, NULL::VARCHAR AS detail, NULL::BOOLEAN AS large, NULL::DOUBLE AS value WHERE false";
        }

        var key = s.Key(table, keys);
        switch (table)
        {
            case "ER_PHA_F":
                var cip = s.Long(table, "PHA_PRS_C13");
                var quantity = s.FirstPresent(table, "PHA_ACT_QSN") is null ? "1.0" : s.Float(table, "PHA_ACT_QSN");
                return $"""
                    SELECT unit, key, 'dispensation' AS kind, coalesce(d.atc, '') AS code,
                        CASE WHEN cip >= 0 AND cip < 10000000000000 THEN CAST(cip AS VARCHAR) ELSE '' END AS detail,
                        coalesce(d.large, false) AS large, value
                    FROM (SELECT unit, {key} AS key, coalesce({cip}, 0) AS cip, {quantity} AS value FROM {s.From(table)}) x
                    LEFT JOIN drugs d ON d.cip13 = x.cip
                    WHERE key IS NOT NULL
                    """;
            case "ER_BIO_F":
                var nabm = s.Long(table, "BIO_PRS_IDE");
                var bioQuantity = s.FirstPresent(table, "BIO_ACT_QSN") is null ? "1.0" : s.Float(table, "BIO_ACT_QSN");
                return $"""
                    SELECT unit, key, 'biology', code, '', false, value FROM (
                        SELECT unit, {key} AS key,
                            CASE WHEN {nabm} IS NOT NULL THEN left(CAST({nabm} AS VARCHAR), 8) ELSE pack8({s.Text(table, "BIO_PRS_IDE")}) END AS code,
                            {bioQuantity} AS value
                        FROM {s.From(table)})
                    WHERE key IS NOT NULL
                    """;
            default:
                return $"""
                    SELECT unit, key, 'act', code, '', false, 1.0 FROM (
                        SELECT unit, {key} AS key, pack8({s.Text(table, "CAM_PRS_IDE")}) AS code FROM {s.From(table)})
                    WHERE key IS NOT NULL
                    """;
        }
    }
}
