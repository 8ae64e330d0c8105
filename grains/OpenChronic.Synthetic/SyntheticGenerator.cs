using System.Diagnostics;
using Apache.Arrow;
using OpenChronic.Ingestion.Tables;
using OpenChronic.Synthetic.Model;
using OpenChronic.Synthetic.Output;

namespace OpenChronic.Synthetic;

/// <summary>
/// Generates a synthetic SNDS extract with its planted ground truth (<c>openchronic synth</c>). Persons are
/// simulated in chunks, in parallel, each from its own generator derived from (seed, person index); their rows
/// are then appended in person order, so the files are byte-identical for a given seed whatever the number of
/// threads. Memory stays bounded: each output file holds at most one batch in memory.
/// </summary>
public static class SyntheticGenerator
{
    /// <summary>Generates with the SNDS table writers of <c>OpenChronic.Ingestion</c> in the options' format.</summary>
    public static SynthResult Generate(
        SynthOptions options,
        IProgress<SynthProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);

        // One row group per batch: with one open file per table and flux month, the Parquet writer's
        // buffered row group (native memory) is what bounds memory.
        var writeOptions = new SndsWriteOptions { ParquetRowGroupRows = Math.Max(1, options.BatchRows) };
        return Generate(options, (path, schema) => SndsTableWriter.Create(path, schema, options.Format, writeOptions), progress,
            cancellationToken);
    }

    public static SynthResult Generate(
        SynthOptions options,
        Func<string, Schema, ISndsTableWriter> createWriter,
        IProgress<SynthProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(createWriter);
        options.Validate();
        var clock = Stopwatch.StartNew();
        var world = new SynthWorld(options.Seed, options.Patients);
        var simulator = new PersonSimulator(world, options.Seed, options.StartYear, options.EndYear);
        IReadOnlyDictionary<string, long> rows;
        var csvDates = options.Format == SndsFileFormat.Csv && options.DefectRate > 0 ? new CsvDateCorruptor() : null;
        using (var sinks = new SinkSet(options, createWriter))
        {
            var defects = new DefectLog(sinks);
            var referentials = new ReferentialEncoder(sinks, world, defects, options);
            var dcir = new DcirEncoder(sinks, world, defects, options, csvDates);
            var pmsi = new PmsiEncoder(sinks, world, defects, options);
            var truth = new TruthEncoder(sinks, world);
            truth.WriteWorld();
            referentials.WriteDrugs();
            pmsi.WriteEstablishments();

            var chunk = Math.Max(1, options.ChunkSize);
            PersonHistory[][] buffers =
            [
                [.. Enumerable.Range(0, chunk).Select(_ => new PersonHistory())],
                [.. Enumerable.Range(0, chunk).Select(_ => new PersonHistory())],
            ];
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken };

            // Simulation of chunk k + 1 overlaps the (sequential) encoding of chunk k.
            var next = Task.Run(() => Simulate(simulator, buffers[0], 0, options.Patients, parallel), cancellationToken);
            for (int first = 0, k = 0; first < options.Patients; first += chunk, k++)
            {
                var count = next.Result;
                var current = buffers[k % 2];
                var following = first + chunk;

                // Locals only in the lambda: the loop variables change before the task may start.
                var target = buffers[(k + 1) % 2];
                next = following < options.Patients
                    ? Task.Run(() => Simulate(simulator, target, following, options.Patients, parallel), cancellationToken)
                    : Task.FromResult(0);
                for (var i = 0; i < count; i++)
                {
                    var h = current[i];
                    referentials.Encode(h);
                    dcir.Encode(h);
                    pmsi.Encode(h);
                    truth.Encode(h);
                }

                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new SynthProgress(first + count, options.Patients));
            }

            next.Wait(cancellationToken);
            rows = sinks.RowCounts();
        }

        csvDates?.Apply(SndsWriteOptions.Default.CsvDelimiter);

        return new SynthResult(options.Patients, rows, clock.Elapsed);
    }

    private static int Simulate(PersonSimulator simulator, PersonHistory[] buffer, int first, int total, ParallelOptions parallel)
    {
        var count = Math.Min(buffer.Length, total - first);
        Parallel.For(0, count, parallel, i => simulator.Simulate(first + i, buffer[i]));
        return count;
    }
}
