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
/// the build's keyed pseudonym, and prints Pearson correlations by minimum number of GP visits. A GP visit goes to the
/// declared GP with probability c, else to any of the G GPs of the département (the declared one included), so the
/// planted share of visits with the declared GP is e = c + (1 − c)/G; G is counted from the GP numbers seen in the
/// data (their first three characters are the département). Correlations are given against c and against e. The truth also names
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

        var rows = new List<(double Truth, string Departement, PatientYearContinuity Measured)>();
        var gps = new HashSet<ulong>();
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
                    var code = PackedCode.Unpack(p.DeclaredGp);
                    rows.Add((p.Continuity, code[..Math.Min(3, code.Length)], PatientContinuity.Compute(timeline.ToArray(), year, p.DeclaredGp)));
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
                var specialty = (short)Math.Clamp(r.GetInt32(3), 0, short.MaxValue);
                var packed = PackedCode.TryPack(detail, out var value) ? value : 0;
                if (HospitalEpisodeBuilder.IsGeneralPractitioner(specialty) && packed != 0)
                {
                    gps.Add(packed);
                }

                timeline.Add(new CareEvent(day, day, CareEventKind.Consultation, r.GetBoolean(4) ? CareEventTraits.Hospital : CareEventTraits.None, specialty, 0, packed, 1));
            }

            Flush();
        }

        var perDepartement = gps.Select(g => PackedCode.Unpack(g)).GroupBy(g => g[..Math.Min(3, g.Length)], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var linked = rows.Select(x => (x.Truth, Expected: x.Truth + ((1 - x.Truth) / Math.Max(1, perDepartement.GetValueOrDefault(x.Departement))), x.Measured)).ToArray();
        var table = new Table().AddColumns("GP visits ≥", "persons", "r(GP UPC declared, c)", "r(GP UPC declared, e)", "r(GP UPC most-seen, e)",
            "r(GP COC, e)", "r(COC all, e)", "r(UPC all, e)", "mean(UPC declared − e)", "ceiling");
        foreach (var min in new[] { 2, 5, 10 })
        {
            var kept = linked.Where(x => x.Measured.GeneralPractice.Visits >= min).ToArray();
            table.AddRow(min.ToString(CultureInfo.InvariantCulture), kept.Length.ToString("N0", CultureInfo.InvariantCulture),
                R(kept, x => x.Truth, m => m.GeneralPractice.UpcDeclaredGp), R(kept, x => x.Expected, m => m.GeneralPractice.UpcDeclaredGp),
                R(kept, x => x.Expected, m => m.GeneralPractice.UpcMostSeenGp), R(kept, x => x.Expected, m => m.GeneralPractice.BiceBoxerman),
                R(kept, x => x.Expected, m => m.Physicians.BiceBoxerman), R(kept, x => x.Expected, m => m.Physicians.UpcMostSeenGp),
                kept.Length == 0 ? "" : kept.Average(x => x.Measured.GeneralPractice.UpcDeclaredGp - x.Expected).ToString("+0.000;-0.000", CultureInfo.InvariantCulture),
                Ceiling(kept));
        }

        console.MarkupLineInterpolated($"Continuity check {year}: {rows.Count:N0} persons with consultations linked to the truth, GPs per département {perDepartement.Values.DefaultIfEmpty().Min()}–{perDepartement.Values.DefaultIfEmpty().Max()}; Pearson correlation with the planted continuity c and the planted share e:");
        console.Write(table);
        return 0;
    }

    private static string R(
        (double Truth, double Expected, PatientYearContinuity Measured)[] rows,
        Func<(double Truth, double Expected, PatientYearContinuity Measured), double> planted,
        Func<PatientYearContinuity, double> index)
    {
        var pairs = rows.Select(x => (Truth: planted(x), Y: index(x.Measured))).Where(p => !double.IsNaN(p.Y)).ToArray();
        if (pairs.Length < 3)
        {
            return "";
        }

        double mx = pairs.Average(p => p.Truth), my = pairs.Average(p => p.Y);
        double sxy = pairs.Sum(p => (p.Truth - mx) * (p.Y - my)), sxx = pairs.Sum(p => (p.Truth - mx) * (p.Truth - mx)), syy = pairs.Sum(p => (p.Y - my) * (p.Y - my));
        return (sxy / Math.Sqrt(sxx * syy)).ToString("0.000", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The highest correlation a share measured on N visits can reach with e: √(Var e / (Var e + mean e(1 − e)/N)),
    /// binomial noise being the only error.
    /// </summary>
    private static string Ceiling((double Truth, double Expected, PatientYearContinuity Measured)[] rows)
    {
        if (rows.Length < 3)
        {
            return "";
        }

        var mean = rows.Average(x => x.Expected);
        var variance = rows.Sum(x => (x.Expected - mean) * (x.Expected - mean)) / (rows.Length - 1);
        var noise = rows.Average(x => x.Expected * (1 - x.Expected) / x.Measured.GeneralPractice.Visits);
        return Math.Sqrt(variance / (variance + noise)).ToString("0.000", CultureInfo.InvariantCulture);
    }

    private static string Quote(string path) => path.Replace("'", "''", StringComparison.Ordinal);
}
