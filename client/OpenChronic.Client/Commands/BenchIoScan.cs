using System.Text;
using Apache.Arrow;
using DuckDB.NET.Data;
using OpenChronic.Domain.Snds;
using OpenChronic.Ingestion.Tables;

namespace OpenChronic.Client.Commands;

/// <summary>The two scans the IO benchmark times: the same aggregate over every value, by our reader and by DuckDB.</summary>
internal static class BenchIoScan
{
    public static BenchIoChecksum WithSndsTableReader(string path)
    {
        using var reader = SndsTableReader.Open(path, SndsCatalogue.Default["ER_PRS_F"], new SndsReadOptions { Columns = BenchIoData.Columns });
        long days = 0, integers = 0, texts = 0, bytes = 0;
        double numbers = 0;
        while (reader.ReadNext() is { } read)
        {
            using (read)
            {
                if (read.Rejects.Count > 0)
                {
                    throw new InvalidOperationException($"Unexpected reject: {read.Rejects[0]}");
                }

                for (var c = 0; c < read.Batch.ColumnCount; c++)
                {
                    switch (read.Batch.Column(c))
                    {
                        case Date32Array a:
                            days += Sum(a.Values, a);
                            break;
                        case Int64Array a:
                            integers += Sum(a.Values, a);
                            break;
                        case DoubleArray a:
                            numbers += Sum(a.Values, a);
                            break;
                        case StringArray a:
                            var offsets = a.ValueOffsets;
                            for (var i = 0; i < a.Length; i++)
                            {
                                if (a.NullCount == 0 || a.IsValid(i))
                                {
                                    texts++;
                                    bytes += offsets[i + 1] - offsets[i];
                                }
                            }

                            break;
                        default:
                            throw new InvalidOperationException($"Unexpected column type {read.Batch.Column(c).Data.DataType.Name}.");
                    }
                }
            }
        }

        return new BenchIoChecksum(days, integers, numbers, texts, bytes);
    }

    public static BenchIoChecksum WithDuckDb(string path)
    {
        var table = SndsCatalogue.Default["ER_PRS_F"];
        string Sum(SndsType type, Func<string, string> term) => string.Join(" + ",
            BenchIoData.Columns.Where(c => table[c].Type == type).Select(term));
        var sql = new StringBuilder()
            .Append("SELECT CAST(").Append(Sum(SndsType.Date, c => $"sum(date_diff('day', DATE '1970-01-01', {c}))")).Append(" AS BIGINT), ")
            .Append("CAST(").Append(Sum(SndsType.Integer, c => $"sum({c})")).Append(" AS BIGINT), ")
            .Append("CAST(").Append(Sum(SndsType.Number, c => $"sum({c})")).Append(" AS DOUBLE), ")
            .Append("CAST(").Append(Sum(SndsType.String, c => $"count({c})")).Append(" AS BIGINT), ")
            .Append("CAST(").Append(Sum(SndsType.String, c => $"sum(strlen({c}))")).Append(" AS BIGINT) ")
            .Append("FROM read_parquet('").Append(path.Replace("'", "''", StringComparison.Ordinal)).Append("')")
            .ToString();
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var result = command.ExecuteReader();
        if (!result.Read())
        {
            throw new InvalidOperationException("DuckDB returned no row.");
        }

        return new BenchIoChecksum(result.GetInt64(0), result.GetInt64(1), result.GetDouble(2), result.GetInt64(3), result.GetInt64(4));
    }

    private static long Sum(ReadOnlySpan<int> values, Date32Array array)
    {
        long sum = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (array.NullCount == 0 || array.IsValid(i))
            {
                sum += values[i];
            }
        }

        return sum;
    }

    private static long Sum(ReadOnlySpan<long> values, Int64Array array)
    {
        long sum = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (array.NullCount == 0 || array.IsValid(i))
            {
                sum += values[i];
            }
        }

        return sum;
    }

    private static double Sum(ReadOnlySpan<double> values, DoubleArray array)
    {
        double sum = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (array.NullCount == 0 || array.IsValid(i))
            {
                sum += values[i];
            }
        }

        return sum;
    }
}
