using Apache.Arrow;

namespace OpenChronic.Ingestion.Validation;

/// <summary>One reference check (<see cref="ReferenceRule"/>) bound to the schema of one file and to the key set of its target.</summary>
internal sealed class ReferenceScope
{
    private readonly KeyTuple _tuple;
    private readonly KeySet _target;
    private readonly ReferenceRule _rule;
    private readonly ProblemTally _missing;
    private readonly ProblemTally? _dummy;
    private readonly string _detail;

    private ReferenceScope(KeyTuple tuple, KeySet target, ReferenceRule rule, ProblemTally missing, ProblemTally? dummy, string detail)
    {
        _tuple = tuple;
        _target = target;
        _rule = rule;
        _missing = missing;
        _dummy = dummy;
        _detail = detail;
    }

    /// <summary>
    /// Binds <paramref name="rule"/> to a file, or returns null when it cannot be checked: a referencing column is
    /// missing (reported as <see cref="ValidationProblemKind.MissingKeyColumn"/>), or the target table is absent or
    /// incomplete (reported here as <see cref="ValidationProblemKind.MissingReferencedTable"/>, once per file).
    /// </summary>
    public static ReferenceScope? Create(ValidationRun run, ExtractFile file, ReferenceRule rule, Schema schema)
    {
        var tuple = new KeyTuple(rule.Columns, schema);
        if (!tuple.IsComplete)
        {
            return null;
        }

        var targetLabel = ExtractFile.Label(rule.TargetTable, file.Name.Year);
        var targetColumns = string.Join('+', rule.TargetColumns);
        var present = run.HasTable(targetLabel);
        var keys = present ? run.Set(targetLabel, targetColumns) : null;
        if (keys is not { Complete: true })
        {
            var why = present ? "could not be read completely" : "is absent";
            run.Problems.Add(ValidationProblemKind.MissingReferencedTable, file.TableLabel, tuple.Label,
                $"{targetLabel} {why}: references to {targetLabel}.{targetColumns} were not checked",
                new ProblemExample(file.RelativePath, 0, tuple.Label, null, null));
            return null;
        }

        var kind = rule.Kind == ValidationProblemKind.OrphanRow ? "no parent row" : "no person";
        var target = targetColumns == tuple.Label ? targetLabel : $"{targetLabel}.{targetColumns}";
        var missing = run.Problems.Tally(rule.Kind, file.TableLabel, tuple.Label, $"{kind} in {target}");
        var dummy = rule.DummyValues.IsEmpty
            ? null
            : run.Problems.Tally(ValidationProblemKind.DummyPersonIdentifier, file.TableLabel, tuple.Label,
                $"dummy value ({string.Join(" or ", rule.DummyValues.Select(v => $"'{v}'"))}): the row cannot be tied to a person");
        return new ReferenceScope(tuple, keys, rule, missing, dummy, $"not in {targetLabel}");
    }

    public void Check(RecordBatch batch, long[] rows, string file)
    {
        _tuple.Bind(batch);
        for (var i = 0; i < batch.Length; i++)
        {
            if (_tuple.MissingPart(i) is not null)
            {
                continue;
            }

            if (_dummy is not null && _tuple.IsOneOf(i, _rule.DummyValues))
            {
                ValidationRun.Report(_dummy, _tuple, i, rows, file, "dummy person identifier");
            }
            else if (!_target.Hashes.Contains(_tuple.Hash(i)))
            {
                ValidationRun.Report(_missing, _tuple, i, rows, file, _detail);
            }
        }
    }
}
