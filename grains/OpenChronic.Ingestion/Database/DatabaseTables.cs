using Apache.Arrow;
using Apache.Arrow.Types;

namespace OpenChronic.Ingestion.Database;

/// <summary>
/// The tables of the Open Chronic database (Parquet, one file per table) and their columns; the single source of
/// the schemas written and of <c>schema.md</c>.
/// </summary>
public static class DatabaseTables
{
    /// <summary>Table name → ordered columns (name, Arrow type, description).</summary>
    public static readonly IReadOnlyList<(string Table, string Description, IReadOnlyList<(string Name, IArrowType Type, string Description)> Columns)> All =
    [
        ("patients", "One row per patient.",
        [
            ("patient_id", StringType.Default, "Keyed pseudonym of BEN_IDT_ANO (HMAC-SHA256 under the build's secret, 32 hex digits); never the identifier."),
            ("sex", Int32Type.Default, "1 man, 2 woman, 0 unknown (IR_SEX_V)."),
            ("birth_year", Int32Type.Default, "Year of birth."),
            ("birth_month", Int32Type.Default, "Month of birth, null when unknown."),
            ("departement", StringType.Default, "Département of residence (IR_DPT_V, 3 characters)."),
            ("commune", StringType.Default, "Commune of residence (3 characters)."),
            ("death_date", Date32Type.Default, "Date of death, null when alive at the end of the data."),
            ("events", Int64Type.Default, "Number of events in the events table."),
            ("declared_gp", StringType.Default, "Declared médecin traitant: the most recent PRS_MTT_NUM, its first 8 characters (the professional number without its key, as in the events' detail); null when none."),
        ]),
        ("events", "The care pathway: one row per event, sorted by patient then date.",
        [
            ("patient_id", StringType.Default, "Patient pseudonym."),
            ("date", Date32Type.Default, "Care date (admission for stays, start for ALD registrations)."),
            ("end_date", Date32Type.Default, "Discharge or ALD end; null when open-ended, equal to date for point events."),
            ("kind", StringType.Default, "dispensation, consultation, act, biology, hospital_stay, diagnosis, ald_registration, death (one death row per source that records it: IR_BEN_R, KI_CCI_R with the cause, a PMSI stay ending in death)."),
            ("code", StringType.Default, "ATC (dispensation), nature of prestation (consultation), CCAM (act), NABM (biology), GHM (stay), ICD-10 (diagnosis, ALD, death)."),
            ("detail", StringType.Default, "CIP13 (dispensation), professional number (consultation, act), FINESS/ETA_NUM (stay, diagnosis)."),
            ("specialty", Int32Type.Default, "Professional's specialty PSE_SPE_COD (IR_SPE_V), 0 when none."),
            ("value", DoubleType.Default, "Boxes, quantity or ALD number; negative on regularisation lines."),
            ("hospital", BooleanType.Default, "Delivered by a hospital rather than in the community (ville)."),
            ("large_pack", BooleanType.Default, "Large-pack dispensation (three months)."),
            ("ald_related", BooleanType.Default, "Exonerated in relation to an ALD (EXO_MTF 42, 44, 46)."),
            ("diagnosis_position", StringType.Default, "DP, DR or DAS for hospital diagnoses; null otherwise."),
        ]),
        ("conditions", "Chronic conditions per patient and year, from the case-definition catalogue.",
        [
            ("patient_id", StringType.Default, "Patient pseudonym."),
            ("year", Int32Type.Default, "Calendar year."),
            ("condition", StringType.Default, "Condition id of the catalogue (conditions.json)."),
            ("by_ald", BooleanType.Default, "Found by an active ALD registration."),
            ("by_hospital", BooleanType.Default, "Found by hospital diagnoses in the year or its lookback."),
            ("by_drugs", BooleanType.Default, "Found by dispensation dates in the year."),
            ("by_acts", BooleanType.Default, "Found by specific acts."),
        ]),
        ("ald_episodes", "Continuous ALD exonerations per ALD number.",
        [
            ("patient_id", StringType.Default, "Patient pseudonym."),
            ("ald_number", Int32Type.Default, "ALD number (IR_ALD_V)."),
            ("icd10", StringType.Default, "ICD-10 of the first registration (MED_MTF_COD)."),
            ("start_date", Date32Type.Default, "Start of the episode."),
            ("end_date", Date32Type.Default, "End of the episode, null while open."),
        ]),
        ("treatment_lines", "Lines of treatment per condition (30-day era gap and combination window).",
        [
            ("patient_id", StringType.Default, "Patient pseudonym."),
            ("condition", StringType.Default, "Condition whose treatment drugs the line is made of."),
            ("line", Int32Type.Default, "Line number, from 1."),
            ("regimen", StringType.Default, "ATC classes (5 characters), '+' for combinations."),
            ("start_date", Date32Type.Default, "First day of the line."),
            ("end_date", Date32Type.Default, "Last day covered."),
        ]),
        ("stays", "Hospitalisation episodes (stays chained by transfers) and what followed discharge.",
        [
            ("patient_id", StringType.Default, "Patient pseudonym."),
            ("admission", Date32Type.Default, "First admission."),
            ("discharge", Date32Type.Default, "Last discharge."),
            ("stays", Int32Type.Default, "Stays chained."),
            ("days_to_gp", Int32Type.Default, "Days from discharge to the first community GP contact; null when none."),
            ("days_to_specialist", Int32Type.Default, "Days to the first community specialist contact; null when none."),
            ("days_to_readmission", Int32Type.Default, "Days to the next admission; null when none."),
        ]),
    ];

    /// <summary>The Arrow schema of a table.</summary>
    public static Schema SchemaOf(string table)
    {
        var definition = All.Single(t => t.Table == table);
        var builder = new Schema.Builder();
        foreach (var (name, type, _) in definition.Columns)
        {
            builder.Field(new Field(name, type, nullable: true));
        }

        return builder.Metadata("openchronic.table", table).Build();
    }

    /// <summary><c>schema.md</c>: every table and column.</summary>
    public static string Markdown()
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine("# Open Chronic database schema").AppendLine()
            .AppendLine("Parquet files, one per table, readable by DuckDB, Spark, R or pandas. Dates are calendar dates;")
            .AppendLine("patients are identified only by a keyed pseudonym.").AppendLine();
        foreach (var (table, description, columns) in All)
        {
            text.AppendLine($"## `{table}`").AppendLine().AppendLine(description).AppendLine()
                .AppendLine("| column | type | meaning |").AppendLine("|---|---|---|");
            foreach (var (name, type, meaning) in columns)
            {
                text.AppendLine($"| `{name}` | {type.Name} | {meaning} |");
            }

            text.AppendLine();
        }

        return text.ToString();
    }
}
