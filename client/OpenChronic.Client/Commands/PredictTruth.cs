using System.Globalization;
using DuckDB.NET.Data;
using OpenChronic.Analytics.Prediction;
using OpenChronic.Client.Reference;
using OpenChronic.Domain.Privacy;
using OpenChronic.Grains;
using OpenChronic.Synthetic.Model;

namespace OpenChronic.Client.Commands;

/// <summary>
/// Reads the synthetic generator's truth for a target and index year, keyed by the database's pseudonyms (the build's
/// keyed pseudonym of <c>BEN_IDT_ANO</c>) and grouped by partition, so that each partition attaches it to its rows:
/// the 12-month ALD risk (<c>truth/ald_risk</c>; for "any ALD" 1 − Π(1 − risk) over the person's ALDs), and the
/// pre-clinical phases the person is in on the index date (<c>truth/conditions</c>: onset within the generator's phase
/// length after index), each with its risk of the year and of the year before, for the observable-signal oracle
/// (without <c>truth/conditions</c> no phase is known and the oracle is the true risk).
/// </summary>
internal static class PredictTruth
{
    public static Dictionary<long, Dictionary<Guid, TruthReference>> Read(string truthDirectory, string secret, AldTarget target, int year)
    {
        var risks = Path.Combine(truthDirectory, "ald_risk.parquet");
        var conditions = Path.Combine(truthDirectory, "conditions.parquet");
        if (!File.Exists(risks))
        {
            throw new FileNotFoundException($"Missing {risks}.", risks);
        }

        var index = new DateOnly(year, 1, 1);
        var phaseDays = Conditions.All.ToDictionary(c => c.Ald, c => c.PreclinicalDays);
        var longest = phaseDays.Values.Max();
        var pseudonym = KeyedPseudonym.FromPassphrase(secret);
        var persons = new Dictionary<string, (double Keep, List<PreclinicalPhaseRecord> Phases)>(StringComparer.Ordinal);
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        var filter = target.IsAny ? "" : $" AND CAST(ald AS INTEGER) = {target.Number}";
        var day0 = index.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // Onsets within the longest phase after index (each ALD's own length is applied below); none without conditions.
        var onsets = File.Exists(conditions)
            ? string.Create(CultureInfo.InvariantCulture, $"SELECT CAST(BEN_IDT_ANO AS VARCHAR) AS id, CAST(ald AS INTEGER) AS ald, min(date_diff('day', DATE '{day0}', onset_date)) AS onset FROM read_parquet({ReferenceSql.Literal(conditions)}) WHERE onset_date >= DATE '{day0}' AND onset_date < DATE '{day0}' + {longest} GROUP BY 1, 2")
            : "SELECT NULL::VARCHAR AS id, NULL::INTEGER AS ald, NULL::BIGINT AS onset WHERE false";
        command.CommandText = string.Create(CultureInfo.InvariantCulture, $"""
            WITH r AS (SELECT CAST(BEN_IDT_ANO AS VARCHAR) AS id, CAST(ald AS INTEGER) AS ald, CAST(risk AS DOUBLE) AS risk
                       FROM read_parquet({ReferenceSql.Literal(risks)}) WHERE CAST(year AS INTEGER) = {year}{filter} AND BEN_IDT_ANO IS NOT NULL AND risk IS NOT NULL),
                 p AS (SELECT CAST(BEN_IDT_ANO AS VARCHAR) AS id, CAST(ald AS INTEGER) AS ald, CAST(risk AS DOUBLE) AS previous
                       FROM read_parquet({ReferenceSql.Literal(risks)}) WHERE CAST(year AS INTEGER) = {year - 1}{filter} AND BEN_IDT_ANO IS NOT NULL AND risk IS NOT NULL),
                 c AS ({onsets})
            SELECT r.id, r.ald, r.risk, p.previous, c.onset FROM r LEFT JOIN p USING (id, ald) LEFT JOIN c USING (id, ald)
            """);
        using (var r = command.ExecuteReader())
        {
            while (r.Read())
            {
                var id = r.GetString(0);
                var ald = r.GetInt32(1);
                var risk = r.GetDouble(2);
                if (!persons.TryGetValue(id, out var person))
                {
                    person = (1, []);
                }

                person.Keep *= Math.Max(1e-12, 1 - risk);
                if (!r.IsDBNull(4) && phaseDays.TryGetValue(ald, out var days) && r.GetInt64(4) < days)
                {
                    // The phase is under way on the index date: it began before index and its onset is still to come.
                    var onset = index.DayNumber + (int)r.GetInt64(4);
                    var previous = r.IsDBNull(3) ? float.NaN : (float)r.GetDouble(3);
                    person.Phases.Add(new PreclinicalPhaseRecord(ald, onset - days, onset, (float)risk, previous));
                }

                persons[id] = person;
            }
        }

        var byPartition = new Dictionary<long, Dictionary<Guid, TruthReference>>();
        foreach (var (person, (keep, phases)) in persons)
        {
            var id = pseudonym.Of(person);
            var partition = Partitions.Of(id);
            if (!byPartition.TryGetValue(partition, out var map))
            {
                map = [];
                byPartition[partition] = map;
            }

            map[id] = new TruthReference((float)(1 - keep), [.. phases]);
        }

        return byPartition;
    }

    /// <summary>Whether the truth folder has the conditions the oracle needs.</summary>
    public static bool HasConditions(string truthDirectory) => File.Exists(Path.Combine(truthDirectory, "conditions.parquet"));
}
