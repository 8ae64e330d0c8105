using DuckDB.NET.Data;
using OpenChronic.Domain.Snds;

namespace OpenChronic.Client.Reference;

/// <summary>
/// The ingestion half of the DuckDB reference, in SQL: the person directory from IR_BEN_R (profile = last value given,
/// fictitious NIRs, first BEN_NIR_PSA + BEN_RNG_GEM wins), then the events of IR_IMB_R, KI_CCI_R, the DCIR flux months
/// (ER_PRS_F ⋈ ER_PHA_F/ER_BIO_F/ER_CAM_F/ER_ETE_F on the nine keys within the month, standard filters) and the PMSI
/// years (T_MCOaaB ⋈ C on ETA_NUM + RSA_NUM, then D and A), into the table <c>ev</c> keyed by BEN_IDT_ANO.
/// </summary>
internal static class ReferenceIngest
{
    public static void Run(DuckDBConnection connection, ReferenceSource s)
    {
        ReferenceSql.Execute(connection, """
            CREATE OR REPLACE MACRO pack8(t) AS left(regexp_replace(coalesce(t, ''), '[^!-~]', '', 'g'), 8);
            CREATE OR REPLACE MACRO packicd(t) AS left(regexp_replace(upper(coalesce(t, '')), '[^A-Z0-9]', '', 'g'), 6);
            """);
        Persons(connection, s);
        ReferenceSql.Execute(connection, """
            CREATE OR REPLACE TABLE ev (idt VARCHAR, date DATE, end_date DATE, kind VARCHAR, code VARCHAR, detail VARCHAR,
                specialty INTEGER, value DOUBLE, hospital BOOLEAN, large_pack BOOLEAN, ald_related BOOLEAN, diagnosis_position VARCHAR);
            INSERT INTO ev SELECT idt, death, death, 'death', '', '', 0, 0, false, false, false, NULL FROM persons WHERE death IS NOT NULL;
            """);
        Ald(connection, s);
        Deaths(connection, s);
        ReferenceDcir.Run(connection, s);
        ReferencePmsi.Run(connection, s);
    }

    private static void Persons(DuckDBConnection connection, ReferenceSource s)
    {
        const string T = "IR_BEN_R";
        var month = s.Day(T, "BEN_NAI_MOI") is var d && d != "NULL::DATE" ? $"month({d})" : $"coalesce({s.Long(T, "BEN_NAI_MOI")}, 0)";
        ReferenceSql.Execute(connection, $"""
            CREATE OR REPLACE TABLE ben AS
            SELECT seq, {s.Text(T, "BEN_NIR_PSA")} AS nir, {s.Text(T, "BEN_IDT_ANO")} AS idt, coalesce({s.Long(T, "BEN_RNG_GEM")}, 1) AS rank,
                {s.Text(T, "BEN_CDI_NIR")} AS cdi, {s.Long(T, "BEN_SEX_COD")} AS sex, {s.Long(T, "BEN_NAI_ANN")} AS birth_year,
                {month} AS birth_month, {s.Text(T, "BEN_RES_DPT")} AS dpt, {s.Text(T, "BEN_RES_COM")} AS com, {s.Day(T, "BEN_DCD_DTE")} AS death
            FROM {s.From(T)};
            CREATE OR REPLACE TABLE fictitious AS
            SELECT DISTINCT nir FROM ben WHERE nir IS NOT NULL AND idt IS NOT NULL AND cdi IS NOT NULL AND cdi <> '00';
            CREATE OR REPLACE TABLE persons AS
            SELECT idt,
                CAST(least(greatest(coalesce(arg_max(sex, seq) FILTER (WHERE sex IS NOT NULL), 0), 0), 9) AS INTEGER) AS sex,
                CAST(least(greatest(coalesce(arg_max(birth_year, seq) FILTER (WHERE birth_year IS NOT NULL), 0), 0), 9999) AS INTEGER) AS birth_year,
                CAST(least(greatest(coalesce(arg_max(birth_month, seq) FILTER (WHERE birth_month <> 0), 0), 0), 12) AS INTEGER) AS birth_month,
                coalesce(arg_max(dpt, seq) FILTER (WHERE dpt IS NOT NULL), '') AS dpt,
                coalesce(arg_max(com, seq) FILTER (WHERE com IS NOT NULL), '') AS com,
                arg_max(death, seq) FILTER (WHERE death IS NOT NULL) AS death
            FROM ben WHERE nir IS NOT NULL AND idt IS NOT NULL AND (cdi IS NULL OR cdi = '00')
            GROUP BY idt;
            CREATE OR REPLACE TABLE nir_rank AS
            SELECT nir, rank, arg_min(idt, seq) AS idt FROM ben
            WHERE nir IS NOT NULL AND idt IS NOT NULL AND (cdi IS NULL OR cdi = '00')
            GROUP BY nir, rank;
            """);
    }

    private static void Ald(DuckDBConnection connection, ReferenceSource s)
    {
        const string T = "IR_IMB_R";
        ReferenceSql.Execute(connection, "CREATE OR REPLACE TABLE cim_ald (code VARCHAR PRIMARY KEY, ald BIGINT)");
        if (NomenclatureSet.Default.TryGet("IR_CIM_V") is { } cim)
        {
            using var appender = connection.CreateAppender("cim_ald");
            foreach (var code in cim.Codes)
            {
                if (cim.Value(code, "ALD_030_COD") is { } v && long.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var ald) && ald > 0)
                {
                    appender.CreateRow().AppendValue(code).AppendValue(ald).EndRow();
                }
            }
        }

        if (!s.Has(T))
        {
            return;
        }

        ReferenceSql.Execute(connection, $"""
            INSERT INTO ev
            WITH r AS (
                SELECT {s.Text(T, "BEN_NIR_PSA")} AS nir, coalesce({s.Long(T, "BEN_RNG_GEM")}, 1) AS rank, {s.Day(T, "IMB_ALD_DTD")} AS day,
                    {s.Day(T, "IMB_ALD_DTF")} AS dtf, {s.Text(T, "MED_MTF_COD")} AS raw, coalesce({s.Long(T, "IMB_ALD_NUM")}, 0) AS num
                FROM {s.From(T)}),
            n AS (SELECT *, upper(replace(coalesce(raw, ''), '.', '')) AS text FROM r)
            SELECT k.idt, n.day, CASE WHEN n.dtf >= DATE '1700-01-01' THEN greatest(n.dtf, n.day) END, 'ald_registration', packicd(n.raw), '', 0,
                CAST(CAST(CASE WHEN n.num <> 0 THEN n.num ELSE coalesce(c4.ald, c3.ald, 0) END AS FLOAT) AS DOUBLE), false, false, false, NULL
            FROM n JOIN nir_rank k ON k.nir = n.nir AND k.rank = n.rank
            LEFT JOIN cim_ald c4 ON c4.code = CASE WHEN length(n.text) >= 4 THEN left(n.text, 4) END
            LEFT JOIN cim_ald c3 ON c3.code = CASE WHEN length(n.text) >= 3 THEN left(n.text, 3) END
            WHERE n.day IS NOT NULL
            """);
    }

    private static void Deaths(DuckDBConnection connection, ReferenceSource s)
    {
        const string T = "KI_CCI_R";
        if (!s.Has(T))
        {
            return;
        }

        var date = s.FirstPresent(T, "BEN_DCD_DTE", "DCD_DTE") is { } column ? s.Day(T, column) : "NULL::DATE";
        ReferenceSql.Execute(connection, $"""
            INSERT INTO ev
            WITH r AS (SELECT {s.Text(T, "BEN_IDT_ANO")} AS idt, {date} AS day, packicd({s.Text(T, "DCD_CIM_COD")}) AS cause FROM {s.From(T)})
            SELECT p.idt, coalesce(r.day, p.death), coalesce(r.day, p.death), 'death', r.cause, '', 0, 0, false, false, false, NULL
            FROM r JOIN persons p ON p.idt = r.idt
            WHERE coalesce(r.day, p.death) IS NOT NULL
            """);
    }
}
