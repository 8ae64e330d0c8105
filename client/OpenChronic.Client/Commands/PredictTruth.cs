using DuckDB.NET.Data;
using OpenChronic.Analytics.Prediction;
using OpenChronic.Domain.Privacy;
using OpenChronic.Grains;

namespace OpenChronic.Client.Commands;

/// <summary>
/// Reads the synthetic generator's own 12-month ALD risk (<c>truth/ald_risk</c>) for a target and year, keyed by the
/// database's pseudonyms (the build's keyed pseudonym of <c>BEN_IDT_ANO</c>) and grouped by partition, so that each
/// partition attaches it to its rows. For "any ALD" the risk is 1 − Π(1 − risk) over the person's ALDs.
/// </summary>
internal static class PredictTruth
{
    public static Dictionary<long, Dictionary<Guid, float>> Read(string truthDirectory, string secret, AldTarget target, int year)
    {
        var path = Path.Combine(truthDirectory, "ald_risk.parquet");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Missing {path}.", path);
        }

        var pseudonym = KeyedPseudonym.FromPassphrase(secret);
        var byPartition = new Dictionary<long, Dictionary<Guid, float>>();
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        var filter = target.IsAny ? "" : $" AND CAST(ald AS INTEGER) = {target.Number}";
        command.CommandText = "SELECT CAST(BEN_IDT_ANO AS VARCHAR), 1 - exp(sum(ln(greatest(1e-12, 1 - CAST(risk AS DOUBLE))))) " +
            $"FROM read_parquet('{path.Replace("'", "''", StringComparison.Ordinal)}') WHERE CAST(year AS INTEGER) = {year}{filter} " +
            "AND BEN_IDT_ANO IS NOT NULL AND risk IS NOT NULL GROUP BY 1";
        using var r = command.ExecuteReader();
        while (r.Read())
        {
            var id = pseudonym.Of(r.GetString(0));
            var partition = Partitions.Of(id);
            if (!byPartition.TryGetValue(partition, out var map))
            {
                map = [];
                byPartition[partition] = map;
            }

            map[id] = (float)r.GetDouble(1);
        }

        return byPartition;
    }
}
