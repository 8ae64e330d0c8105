using System.Globalization;
using System.Text;
using OpenChronic.Domain.Pathways;

namespace OpenChronic.Client.Reference;

/// <summary>
/// Emits the SQL of the <c>conditions</c> table from a <see cref="CaseDefinitionCatalogue"/>: one query per rule of
/// each condition (ALD active in the year, hospital diagnoses in the year or its lookback, distinct dispensation dates,
/// acts), OR-ed per patient, year and condition; no condition in the years after the earliest death date.
/// </summary>
internal static class ConditionSql
{
    /// <summary>Evidence bits, as <see cref="ConditionEvidence"/>.</summary>
    private const int Ald = (int)ConditionEvidence.Ald;
    private const int Hospital = (int)ConditionEvidence.Hospital;
    private const int Drugs = (int)ConditionEvidence.Drugs;
    private const int Acts = (int)ConditionEvidence.Acts;

    public static string Create(CaseDefinitionCatalogue catalogue, IReadOnlyList<int> years)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var rules = new List<string>();
        foreach (var c in catalogue.Conditions)
        {
            var id = ReferenceSql.Literal(c.Id);
            if (c.Ald is { } ald && !ald.Numbers.IsEmpty)
            {
                var icd = ald.IcdPrefixes.IsEmpty ? "true" : ReferenceSql.StartsWithAny("e.code", ald.IcdPrefixes);
                rules.Add($"""
                    SELECT e.patient_id, y.year, {id} AS condition, {Ald} AS bit FROM events e JOIN years y
                        ON e.date <= make_date(y.year, 12, 31) AND (e.end_date IS NULL OR e.end_date >= make_date(y.year, 1, 1))
                    WHERE e.kind = 'ald_registration' AND CAST(trunc(e.value) AS INTEGER) IN ({string.Join(", ", ald.Numbers)}) AND {icd}
                    """);
            }

            foreach (var rule in c.Hospital)
            {
                var positions = new List<string>();
                if ((rule.Positions & DiagnosisPosition.Principal) != 0)
                {
                    positions.Add("'DP'");
                }

                if ((rule.Positions & DiagnosisPosition.Related) != 0)
                {
                    positions.Add("'DR'");
                }

                if ((rule.Positions & DiagnosisPosition.Associated) != 0)
                {
                    positions.Add("'DAS'");
                }

                if (positions.Count == 0)
                {
                    continue;
                }

                var excluded = rule.ExcludedPrefixes.IsEmpty ? "" : $" AND NOT {ReferenceSql.StartsWithAny("e.code", rule.ExcludedPrefixes)}";
                rules.Add($"""
                    SELECT e.patient_id, y.year, {id}, {Hospital} FROM events e JOIN years y
                        ON year(e.date) BETWEEN y.year - {Int(rule.LookbackYears)} AND y.year
                    WHERE e.kind = 'diagnosis' AND e.diagnosis_position IN ({string.Join(", ", positions)})
                        AND {ReferenceSql.StartsWithAny("e.code", rule.IcdPrefixes)}{excluded}
                    """);
            }

            if (c.Drugs is { } drugs)
            {
                rules.Add($"""
                    SELECT patient_id, year, {id}, {Drugs} FROM (
                        SELECT d.patient_id, year(d.date) AS year, count(DISTINCT d.date) AS dates, bool_or(d.large) AS large
                        FROM dispensed d WHERE year(d.date) IN (SELECT year FROM years) AND {ReferenceSql.StartsWithAny("d.atc", drugs.AtcPrefixes)}
                        GROUP BY d.patient_id, year(d.date))
                    WHERE dates > 0 AND dates >= CASE WHEN large THEN {Int(Math.Min(drugs.MinDates, drugs.MinDatesWithLargePack))} ELSE {Int(drugs.MinDates)} END
                    """);
            }

            if (c.Acts is { } acts)
            {
                rules.Add($"""
                    SELECT e.patient_id, y.year, {id}, {Acts} FROM events e JOIN years y
                        ON year(e.date) BETWEEN y.year - {Int(acts.LookbackYears)} AND y.year
                    WHERE e.kind = 'act' AND {ReferenceSql.StartsWithAny("e.code", acts.CcamPrefixes)}
                    """);
            }
        }

        var sql = new StringBuilder();
        sql.AppendLine("CREATE OR REPLACE TABLE years AS SELECT unnest([" + string.Join(", ", years.Select(Int)) + "]::INTEGER[]) AS year;");
        sql.AppendLine("CREATE OR REPLACE TABLE conditions AS");
        sql.AppendLine("WITH hits AS (");
        sql.AppendLine(rules.Count == 0
            ? "SELECT NULL::VARCHAR AS patient_id, NULL::INTEGER AS year, NULL::VARCHAR AS condition, 0 AS bit WHERE false"
            : string.Join("\nUNION ALL\n", rules));
        sql.AppendLine("),");
        sql.AppendLine("died AS (SELECT patient_id, min(year(date)) AS year FROM events WHERE kind = 'death' GROUP BY patient_id),");
        sql.AppendLine("flags AS (SELECT patient_id, year, condition, bit_or(bit) AS bits FROM hits GROUP BY ALL)");
        sql.AppendLine("SELECT f.patient_id, CAST(f.year AS INTEGER) AS year, f.condition,");
        sql.AppendLine($"    f.bits & {Ald} <> 0 AS by_ald, f.bits & {Hospital} <> 0 AS by_hospital, f.bits & {Drugs} <> 0 AS by_drugs, f.bits & {Acts} <> 0 AS by_acts");
        sql.AppendLine("FROM flags f LEFT JOIN died d ON d.patient_id = f.patient_id");
        sql.AppendLine("WHERE d.year IS NULL OR d.year >= f.year;");
        return sql.ToString();
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
