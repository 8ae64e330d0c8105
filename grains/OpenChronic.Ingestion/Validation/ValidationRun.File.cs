using Apache.Arrow;
using OpenChronic.Ingestion.Tables;

namespace OpenChronic.Ingestion.Validation;

/// <summary>Reading and checking one table file.</summary>
internal sealed partial class ValidationRun
{
    private FileSummary ReadFile(ExtractFile file, int index, int count, CancellationToken cancellationToken)
    {
        var table = file.Name.Table;
        var label = file.TableLabel;
        var name = file.RelativePath;
        ISndsTableReader reader;
        try
        {
            reader = _openReader(file.Path, table);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var why = Unreadable(file, 0, e);
            _progress?.Report(new ValidationProgress(index, count, name, label, 0, FileDone: true));
            return new FileSummary(name, label, file.Name.Partition, file.Format, 0, 0, [], [], why);
        }

        using (reader)
        {
            ReportColumns(file, reader);
            var scope = new FileScope(this, file, reader.Schema);
            long rows = 0, rejected = 0;
            string? error = null;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                SndsReadBatch? batch;
                try
                {
                    batch = reader.ReadNext();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    error = Unreadable(file, rows + 1, e);
                    break;
                }

                if (batch is null)
                {
                    break;
                }

                using (batch)
                {
                    var rejectedHere = ReportRejects(file, batch.Rejects);
                    rejected += rejectedHere;
                    rows += batch.Batch.Length + rejectedHere;
                    scope.Check(batch);
                }

                _progress?.Report(new ValidationProgress(index, count, name, label, rows, FileDone: false));
            }

            _progress?.Report(new ValidationProgress(index, count, name, label, rows, FileDone: true));
            return new FileSummary(name, label, file.Name.Partition, file.Format, rows, rejected,
                [.. reader.MissingColumns], [.. reader.ExtraColumns], error);
        }
    }

    /// <summary>Reports a file that cannot be read (from <paramref name="row"/> on); returns the reason, scrubbed of identifiers.</summary>
    private string Unreadable(ExtractFile file, long row, Exception e)
    {
        var why = PersonMask.Scrub(e.Message, file.Path);
        _problems.Add(ValidationProblemKind.UnreadableFile, file.TableLabel, null, "the file cannot be read",
            new ProblemExample(file.RelativePath, row, null, null, why));

        // Its keys are missing from the key sets from here on: references to them are not checked.
        foreach (var rule in KeyRules.Sets.Where(s => s.Table == file.Name.Table.Name))
        {
            Set(file.TableLabel, rule.ColumnLabel).Complete = false;
        }

        return why;
    }

    private void ReportColumns(ExtractFile file, ISndsTableReader reader)
    {
        var required = KeyRules.RequiredColumns(file.Name.Table.Name);
        foreach (var column in reader.MissingColumns)
        {
            var isKey = required.Contains(column, StringComparer.OrdinalIgnoreCase);
            _problems.Add(
                isKey ? ValidationProblemKind.MissingKeyColumn : ValidationProblemKind.MissingColumn,
                file.TableLabel,
                column,
                isKey ? "a key column is missing: the table cannot be joined" : "a catalogue column is missing",
                new ProblemExample(file.RelativePath, 0, column, null, null));
        }

        foreach (var column in reader.ExtraColumns)
        {
            _problems.Add(ValidationProblemKind.ExtraColumn, file.TableLabel, column, "a column the catalogue does not know (ignored)",
                new ProblemExample(file.RelativePath, 0, column, null, null));
        }
    }

    /// <summary>Reports the reader's rejects, masked; returns the number of distinct rows rejected.</summary>
    private long ReportRejects(ExtractFile file, IReadOnlyList<RejectedRow> rejects)
    {
        if (rejects.Count == 0)
        {
            return 0;
        }

        var rows = new HashSet<long>();
        var tableHasPersons = PersonMask.HasPersonColumn(file.Name.Table);
        foreach (var reject in rejects)
        {
            rows.Add(reject.Row);
            var tally = _problems.Tally(ValidationProblemKind.RejectedRow, file.TableLabel, reject.Column,
                "rows the reader could not read as the catalogue says (type, format, field count, encoding)");
            if (!tally.WantsExample)
            {
                tally.Increment();
                continue;
            }

            // A whole-row reject may quote the raw line: drop it when the table holds person identifiers.
            var masked = reject.Column is null
                ? (tableHasPersons ? null : reject.Value)
                : PersonMask.Show(reject.Column, reject.Value);
            var reason = reject.Reason;
            if (reject.Value is { Length: > 0 } raw && masked != raw)
            {
                reason = reason.Replace(raw, PersonMask.Mask, StringComparison.Ordinal);
            }

            tally.Add(new ProblemExample(file.RelativePath, reject.Row, reject.Column, masked, PersonMask.Scrub(reason, reject.File)));
        }

        return rows.Count;
    }

    /// <summary>The checks of one file, bound to its schema.</summary>
    private sealed class FileScope
    {
        private readonly ExtractFile _file;
        private readonly (int Field, ColumnCheck Check)[] _columnChecks;
        private readonly (int Field, ProblemTally Tally)[] _keyPresence;
        private readonly (KeyTuple Tuple, KeySet Set, ProblemTally? Duplicate)[] _sets;
        private readonly ReferenceScope[] _references;
        private readonly DateOrderCheck[] _dateOrders;

        public FileScope(ValidationRun run, ExtractFile file, Schema schema)
        {
            _file = file;
            var table = file.Name.Table;
            var label = file.TableLabel;
            var checks = new List<(int, ColumnCheck)>();
            var presence = new List<(int, ProblemTally)>();
            var keyColumns = KeyRules.Sets.Where(s => s.Table == table.Name).SelectMany(s => s.Columns)
                .Concat(KeyRules.References.Where(r => r.Table == table.Name).SelectMany(r => r.Columns))
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < schema.FieldsList.Count; i++)
            {
                if (!table.TryGetColumn(schema.FieldsList[i].Name, out var column))
                {
                    continue;
                }

                if (run.CheckOf(label, column) is { } check)
                {
                    checks.Add((i, check));
                }

                if (keyColumns.Contains(column.Name))
                {
                    presence.Add((i, run._problems.Tally(ValidationProblemKind.MissingKeyValue, label, column.Name, "a key column is null or empty")));
                }
            }

            _columnChecks = [.. checks];
            _keyPresence = [.. presence];

            var sets = new List<(KeyTuple, KeySet, ProblemTally?)>();
            foreach (var rule in KeyRules.Sets.Where(s => s.Table == table.Name))
            {
                var tuple = new KeyTuple(rule.Columns, schema);
                var set = run.Set(label, rule.ColumnLabel);
                if (!tuple.IsComplete)
                {
                    set.Complete = false;
                    continue;
                }

                sets.Add((tuple, set, rule.Unique
                    ? run._problems.Tally(ValidationProblemKind.DuplicateKey, label, rule.ColumnLabel, "the primary key is not unique")
                    : null));
            }

            _sets = [.. sets];
            _references = [.. KeyRules.References.Where(r => r.Table == table.Name)
                .Select(r => ReferenceScope.Create(run, file, r, schema))
                .OfType<ReferenceScope>()];
            _dateOrders = [.. DateOrderCheck.For(file, schema, run._problems)];
        }

        public void Check(SndsReadBatch read)
        {
            var batch = read.Batch;
            var rows = read.RowNumbers;
            var file = _file.RelativePath;
            foreach (var (field, check) in _columnChecks)
            {
                check.Check(batch.Column(field), rows, file);
            }

            foreach (var (field, tally) in _keyPresence)
            {
                CheckPresence(batch.Column(field), tally, rows, file, batch.Schema.FieldsList[field].Name);
            }

            foreach (var (tuple, set, duplicate) in _sets)
            {
                tuple.Bind(batch);
                for (var i = 0; i < batch.Length; i++)
                {
                    if (tuple.MissingPart(i) is null && !set.Hashes.Add(tuple.Hash(i)) && duplicate is not null)
                    {
                        ValidationRun.Report(duplicate, tuple, i, rows, file, "same key as an earlier row");
                    }
                }
            }

            foreach (var reference in _references)
            {
                reference.Check(batch, rows, file);
            }

            foreach (var order in _dateOrders)
            {
                order.Check(batch, rows, file);
            }
        }

        private static void CheckPresence(IArrowArray array, ProblemTally tally, long[] rows, string file, string column)
        {
            for (var i = 0; i < array.Length; i++)
            {
                if (!array.IsNull(i) && (array is not StringArray s || !KeyTuple.Trim(s.GetBytes(i)).IsEmpty))
                {
                    continue;
                }

                if (tally.WantsExample)
                {
                    tally.Add(new ProblemExample(file, rows[i], column, null, null));
                }
                else
                {
                    tally.Increment();
                }
            }
        }
    }
}
