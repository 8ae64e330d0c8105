using System.Globalization;
using DuckDB.NET.Data;
using OpenChronic.Analytics.Coordination;
using OpenChronic.Client.Reference;
using OpenChronic.Domain.Pathways;
using OpenChronic.Domain.Privacy;
using OpenChronic.Ingestion.Database;
using Spectre.Console;

namespace OpenChronic.Client.Commands;

/// <summary>
/// Checks the GP continuity indices against the generator's planted per-person continuity (<c>truth/persons.continuity</c>,
/// c: the probability that a GP visit is with the declared GP) with <see cref="ContinuityTruthCheck"/>. It reads the
/// database's files directly (DuckDB): the consultations of the whole study period (every year of the database,
/// pooled) and the declared <i>médecin traitant</i> the build read from PRS_MTT_NUM (<c>patients.declared_gp</c>);
/// computes each person's indices with the same <see cref="PatientContinuity"/> the grains use; and links persons to
/// the truth through the build's keyed pseudonym. G, the GPs of the person's département, is counted from the GP
/// numbers seen in the data (their first three characters: département and category). Nothing here is published:
/// it is a check of the method on synthetic data.
/// </summary>
internal static class CoordinationContinuityCheck
{
    public static int Run(string db, string truth, string key, int minVisits, IAnsiConsole console)
    {
        var persons = Path.Combine(truth, "persons.parquet");
        if (!File.Exists(persons))
        {
            console.MarkupLineInterpolated($"[red]Missing {persons}.[/]");
            return 2;
        }

        var (people, stats) = Collect(db, persons, KeyedPseudonym.FromPassphrase(key));
        console.MarkupLineInterpolated($"Continuity check, {stats.From:yyyy}–{stats.To:yyyy} pooled: {stats.Linked:N0} persons with GP visits linked to the truth; declared médecin traitant in the database for {stats.Declared:N0}, the planted one for {stats.Agreeing:N0} of them; GPs per département {stats.MinGps}–{stats.MaxGps}.");
        var table = new Table().AddColumns("GP visits ≥", "persons", "mean visits", "r(UPC declared, c)", "r(UPC declared, e)", "r(UPC most-seen, e)",
            "r(GP COC, e)", "mean(UPC declared − e)", "ceiling", "ceiling, many GPs");
        ContinuityTruthRow? first = null;
        ContinuityTruthRow? met = null;
        foreach (var min in new[] { minVisits, 10, 20, 30 }.Distinct().Order())
        {
            var row = ContinuityTruthCheck.Evaluate(people, min);
            first ??= min == minVisits ? row : null;
            met ??= row.UpcDeclaredVsPlanted >= ContinuityTruthCheck.Target ? row : null;
            table.AddRow(min.ToString(CultureInfo.InvariantCulture), row.Persons.ToString("N0", CultureInfo.InvariantCulture), F(row.MeanVisits, "0.0"),
                F(row.UpcDeclaredVsPlanted), F(row.UpcDeclaredVsExpected), F(row.UpcMostSeenVsExpected), F(row.CocVsExpected),
                F(row.MeanBias, "+0.000;-0.000"), F(row.Ceiling), F(row.CeilingManyGps));
        }

        console.Write(table);
        first ??= ContinuityTruthCheck.Evaluate(people, minVisits);
        console.MarkupLineInterpolated($"  At ≥ {minVisits} GP visits: r(UPC declared, c) = {F(first.UpcDeclaredVsPlanted)}, binomial-noise ceiling {F(first.Ceiling)} ({F(first.UpcDeclaredVsPlanted / first.Ceiling, "0%")} of it; {F(first.CeilingManyGps)} with many GPs per département); target {ContinuityTruthCheck.Target:0.0}: {(first.UpcDeclaredVsPlanted >= ContinuityTruthCheck.Target ? "met" : "not met")}.");
        console.MarkupLineInterpolated($"  {(met is null ? "Target not met at any threshold shown." : $"Target met from ≥ {met.MinVisits} GP visits: r = {F(met.UpcDeclaredVsPlanted)} over {met.Persons:N0} persons (ceiling {F(met.Ceiling)}).")}");
        return 0;
    }

    /// <summary>The linked persons and the counts printed with them.</summary>
    internal static (List<ContinuityTruthPerson> Persons, (DateOnly From, DateOnly To, int Linked, int Declared, int Agreeing, int MinGps, int MaxGps) Stats) Collect(
        string db, string truthPersons, KeyedPseudonym pseudonym)
    {
        var events = Table(db, "events");
        var patients = Table(db, "patients");
        var planted = new Dictionary<string, (double Continuity, string Group, ulong DeclaredGp)>(StringComparer.Ordinal);
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT CAST(BEN_IDT_ANO AS VARCHAR), CAST(continuity AS DOUBLE), coalesce(CAST(declared_gp AS VARCHAR), '') FROM read_parquet({ReferenceSql.Literal(truthPersons)}) WHERE continuity IS NOT NULL";
            using var r = command.ExecuteReader();
            while (r.Read())
            {
                var gp = r.GetString(2);
                planted[pseudonym.Of(r.GetString(0)).ToString("N")] = (r.GetDouble(1), gp[..Math.Min(3, gp.Length)], PackedCode.TryPack(gp.AsSpan(0, Math.Min(8, gp.Length)), out var p) ? p : 0);
            }
        }

        var declared = new Dictionary<string, ulong>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT patient_id, declared_gp FROM read_parquet({ReferenceSql.Literal(patients)}) WHERE declared_gp IS NOT NULL AND declared_gp <> ''";
            using var r = command.ExecuteReader();
            while (r.Read())
            {
                declared[r.GetString(0)] = PackedCode.TryPack(r.GetString(1), out var p) ? p : 0;
            }
        }

        var measured = new List<(string Patient, PatientYearContinuity Continuity)>();
        var gps = new HashSet<ulong>();
        // The study period: every year the database was built for.
        var years = DatabaseManifest.Read(db).Years;
        var from = new DateOnly(years.Min(), 1, 1);
        var to = new DateOnly(years.Max(), 12, 31);

        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT patient_id, CAST(date - DATE '0001-01-01' AS INTEGER), coalesce(detail, ''), CAST(coalesce(specialty, 0) AS INTEGER), coalesce(hospital, false), coalesce(value, 1) " +
                $"FROM read_parquet({ReferenceSql.Literal(events)}) WHERE kind = 'consultation' ORDER BY patient_id, date";
            using var r = command.ExecuteReader();
            string? current = null;
            var timeline = new List<CareEvent>();
            void Flush()
            {
                if (current is not null && planted.ContainsKey(current))
                {
                    timeline.Sort();
                    measured.Add((current, PatientContinuity.Compute(timeline.ToArray(), from, to, declared.GetValueOrDefault(current))));
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

                var day = r.GetInt32(1);
                var specialty = (short)Math.Clamp(r.GetInt32(3), 0, short.MaxValue);
                var packed = PackedCode.TryPack(r.GetString(2), out var value) ? value : 0;
                if (HospitalEpisodeBuilder.IsGeneralPractitioner(specialty) && packed != 0)
                {
                    gps.Add(packed);
                }

                timeline.Add(new CareEvent(day, day, CareEventKind.Consultation, r.GetBoolean(4) ? CareEventTraits.Hospital : CareEventTraits.None,
                    specialty, 0, packed, (float)r.GetDouble(5)));
            }

            Flush();
        }

        var perGroup = gps.Select(g => PackedCode.Unpack(g)).GroupBy(g => g[..Math.Min(3, g.Length)], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var people = new List<ContinuityTruthPerson>(measured.Count);
        int linked = 0, withDeclared = 0, agreeing = 0;
        foreach (var (patient, continuity) in measured)
        {
            if (continuity.GeneralPractice.Visits == 0)
            {
                continue;
            }

            var p = planted[patient];
            linked++;
            if (declared.TryGetValue(patient, out var gp))
            {
                withDeclared++;
                agreeing += gp == p.DeclaredGp ? 1 : 0;
            }

            var g = Math.Max(1, perGroup.GetValueOrDefault(p.Group));
            people.Add(new ContinuityTruthPerson(p.Continuity, p.Continuity + ((1 - p.Continuity) / g), continuity.GeneralPractice));
        }

        return (people, (from, to, linked, withDeclared, agreeing, perGroup.Values.DefaultIfEmpty().Min(), perGroup.Values.DefaultIfEmpty().Max()));
    }

    private static string Table(string db, string table)
    {
        var file = Path.Combine(db, table + ".parquet");
        return File.Exists(file) ? file : Path.Combine(db, table, "*.parquet");
    }

    private static string F(double value, string format = "0.000") => double.IsNaN(value) ? "" : value.ToString(format, CultureInfo.InvariantCulture);
}
