using System.CommandLine;
using System.Globalization;
using OpenChronic.Client.Grid;
using OpenChronic.Ingestion.Tables;
using OpenChronic.Synthetic;
using Spectre.Console;

namespace OpenChronic.Client.Commands;

/// <summary>
/// <c>openchronic bench cluster</c>: grain state writes/s and reads/s against PostgreSQL, then the build time of one
/// synthetic extract on 1, 2 … N silo processes of a fresh cluster each (same machine, same PostgreSQL).
/// </summary>
internal static class BenchClusterCommand
{
    public static Command Create()
    {
        var cluster = new Option<string?>("--cluster") { Description = $"PostgreSQL connection string with the deploy/ schema installed (else ${ClusterConnection.Variable})." };
        var states = new Option<int>("--states") { Description = "Grain states written and read.", DefaultValueFactory = _ => 5000 };
        var patients = new Option<int>("--patients") { Description = "Persons of the synthetic extract built on each cluster size.", DefaultValueFactory = _ => 2000 };
        var silos = new Option<int>("--silos") { Description = "Largest cluster: builds run on 1, 2 … N silos.", DefaultValueFactory = _ => 3 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the extract and of the state payloads.", DefaultValueFactory = _ => 7UL };
        var dir = new Option<string?>("--dir") { Description = "Working folder (default: a temporary folder, deleted afterwards)." };
        var command = new Command("cluster", "Measure PostgreSQL grain storage and the build time on 1..N silos.") { cluster, states, patients, silos, seed, dir };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(cluster), parse.GetValue(states), parse.GetValue(patients),
            parse.GetValue(silos), parse.GetValue(seed), parse.GetValue(dir), AnsiConsole.Console, cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(string? cluster, int states, int patients, int silos, ulong seed, string? dir, IAnsiConsole console,
        CancellationToken cancellationToken)
    {
        var connection = ClusterConnection.Resolve(cluster);
        if (connection is null || states < 1 || patients < 1 || silos < 1)
        {
            console.MarkupLine($"[red]Give --cluster (or ${ClusterConnection.Variable}) and positive --states, --patients and --silos.[/]");
            return 2;
        }

        var work = dir ?? Path.Combine(Path.GetTempPath(), $"openchronic-bench-cluster-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            console.MarkupLineInterpolated($"Processors: {Environment.ProcessorCount}. PostgreSQL, silos and this client share them.");
            var storage = await BenchClusterRuns.MeasureStorageAsync(connection.ConnectionString, states, 2048, 64, seed, cancellationToken);
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"Grain storage ({storage.States:N0} states of {storage.PayloadBytes:N0} bytes, {storage.InFlight} in flight, binary serializer): {BenchClusterRuns.F(storage.InsertsPerSecond)} inserts/s, {BenchClusterRuns.F(storage.UpdatesPerSecond)} updates/s, {BenchClusterRuns.F(storage.ReadsPerSecond)} reads/s");

            var extract = Path.Combine(work, "extract");
            SyntheticGenerator.Generate(new SynthOptions(patients, 2019, 2021, seed, SndsFileFormat.Parquet, extract), null, cancellationToken);
            var memory = await BenchClusterRuns.MeasureMemoryAsync(extract, Path.Combine(work, "memory-rejects"), cancellationToken);
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"Memory (embedded silo, {memory.Patients:N0} patients, {memory.EventsPerPatient:N0} events each on average): {memory.HeapBytesPerPatient / 1024:N1} KiB of managed heap per resident patient");
            var table = new Table().Title($"Build of {patients:N0} persons, 2019-2021").AddColumns("silos", "cluster start s", "ingest s", "derive + export s", "patients");
            for (var n = 1; n <= silos; n++)
            {
                var build = await BenchClusterRuns.MeasureBuildAsync(connection.ConnectionString, n, extract, Path.Combine(work, $"db-{n}"), [2019, 2020, 2021],
                    Path.Combine(work, $"logs-{n}"), cancellationToken);
                table.AddRow(n.ToString(CultureInfo.InvariantCulture), S(build.StartSeconds), S(build.IngestSeconds), S(build.ExportSeconds), BenchClusterRuns.F(build.Patients));
            }

            console.Write(table);
            console.MarkupLine("[grey]Caveat: every silo, PostgreSQL and the client run on this machine's cores; more silos add coordination, not cores. "
                + "The figures show the cost of distribution here, not the speed-up of silos on separate machines.[/]");
            return 0;
        }
        finally
        {
            if (dir is null)
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private static string S(double seconds) => seconds.ToString("F1", CultureInfo.InvariantCulture);
}
