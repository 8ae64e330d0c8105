using System.Globalization;
using DuckDB.NET.Data;
using OpenChronic.Analytics.Coordination;
using OpenChronic.Domain.Pathways;
using OpenChronic.Domain.Privacy;
using Spectre.Console;

namespace OpenChronic.Client.Commands;

/// <summary>
/// Checks the continuity indices against the generator's planted per-person continuity (<c>truth/persons.continuity</c>:
/// the probability that a GP visit is with the declared GP). It reads the database's consultations directly (DuckDB),
/// computes each person's indices with the same <see cref="PatientContinuity"/> the grains use, links persons through
/// the build's keyed pseudonym, and prints Pearson correlations by minimum number of GP visits. The truth also names
/// the declared GP, so the UPC against the declared médecin traitant is measured here (the extract itself does not
/// carry it). Nothing here is published: it is a check of the method on synthetic data.
/// </summary>
internal static class CoordinationContinuityCheck
{
    public static int Run(string db, string truth, string key, int year, IAnsiConsole console)
    {
        var persons = Path.Combine(truth, "persons.parquet");
        var file = Path.Combine(db, "events.parquet");
        var events = File.Exists(file) ? file : Path.Combine(db, "events", "*.parquet");
        if (!File.Exists(persons))
        {
            console.MarkupLineInterpolated($"[red]Missing {persons}.[/]");
            return 2;
        }

        var pseudonym = KeyedPseudonym.FromPassphrase(key);
        var planted = new Dictionary<string, (double Continuity, ulong DeclaredGp)>(StringComparer.Ordinal);
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT CAST(BEN_IDT_ANO AS VARCHAR), CAST(continuity AS DOUBLE), CAST(declared_gp AS VARCHAR) FROM read_parquet('{Quote(persons)}') WHERE continuity IS NOT NULL";
            using var r = command.ExecuteReader();
            while (r.Read())
            {
                var gp = r.IsDBNull(2) ? "" : r.GetString(2);
                planted[pseudonym.Of(r.GetString(0)).ToString("N")] = (r.GetDouble(1), gp.Length == 0 ? 0 : PackedCode.Pack(gp[..Math.Min(8, gp.Length)]));
            }
        }

        var rows = new List<(double Truth, PatientYearContinuity Measured)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT patient_id, CAST(date - DATE '0001-01-01' AS INTEGER), coalesce(detail, ''), CAST(coalesce(specialty, 0) AS INTEGER), coalesce(hospital, false) " +
                $"FROM read_parquet('{Quote(events)}') WHERE kind = 'consultation' AND year(date) = {year.ToString(CultureInfo.InvariantCulture)} ORDER BY patient_id, date";
            using var r = command.ExecuteReader();
            string? current = null;
            var timeline = new List<CareEvent>();
            void Flush()
            {
                if (current is not null && planted.TryGetValue(current, out var p))
                {
                    timeline.Sort();
                    rows.Add((p.Continuity, PatientContinuity.Compute(timeline.ToArray(), year, p.DeclaredGp)));
                }

                timeline.Clear();
            }

            while (r.Read())
            {
                var patient = r.GetString(0);
                if (patient != current)
                {
                    Flush();
                    current = patient;
                }

                var detail = r.GetString(2);
                var day = r.GetInt32(1);
                timeline.Add(new CareEvent(day, day, CareEventKind.Consultation, r.GetBoolean(4) ? CareEventTraits.Hospital : CareEventTraits.None,
                    (short)Math.Clamp(r.GetInt32(3), 0, short.MaxValue), 0, PackedCode.TryPack(detail, out var packed) ? packed : 0, 1));
            }

            Flush();
        }

        var table = new Table().AddColumns("GP visits ≥", "persons", "r(GP UPC most-seen)", "r(GP UPC declared)", "r(GP COC)", "r(COC all physicians)", "r(UPC all physicians)");
        foreach (var min in new[] { 2, 5, 10 })
        {
            var kept = rows.Where(x => x.Measured.GeneralPractice.Visits >= min).ToArray();
            table.AddRow(min.ToString(CultureInfo.InvariantCulture), kept.Length.ToString("N0", CultureInfo.InvariantCulture),
                R(kept, m => m.GeneralPractice.UpcMostSeenGp), R(kept, m => m.GeneralPractice.UpcDeclaredGp), R(kept, m => m.GeneralPractice.BiceBoxerman),
                R(kept, m => m.Physicians.BiceBoxerman), R(kept, m => m.Physicians.UpcMostSeenGp));
        }

        console.MarkupLineInterpolated($"Continuity check {year}: {rows.Count:N0} persons with consultations linked to the truth; Pearson correlation with the planted continuity:");
        console.Write(table);
        return 0;
    }

    private static string R((double Truth, PatientYearContinuity Measured)[] rows, Func<PatientYearContinuity, double> index)
    {
        var pairs = rows.Select(x => (x.Truth, Y: index(x.Measured))).Where(p => !double.IsNaN(p.Y)).ToArray();
        if (pairs.Length < 3)
        {
            return "";
        }

        double mx = pairs.Average(p => p.Truth), my = pairs.Average(p => p.Y);
        double sxy = pairs.Sum(p => (p.Truth - mx) * (p.Y - my)), sxx = pairs.Sum(p => (p.Truth - mx) * (p.Truth - mx)), syy = pairs.Sum(p => (p.Y - my) * (p.Y - my));
        return (sxy / Math.Sqrt(sxx * syy)).ToString("0.000", CultureInfo.InvariantCulture);
    }

    private static string Quote(string path) => path.Replace("'", "''", StringComparison.Ordinal);
}
