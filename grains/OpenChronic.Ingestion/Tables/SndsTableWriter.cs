using Apache.Arrow;
using Apache.Arrow.Types;

namespace OpenChronic.Ingestion.Tables;

/// <summary>
/// Opens a streaming writer of Arrow record batches to a CSV, Parquet or Arrow IPC file.
/// The parent folder is created; the file is written in place at <c>path</c> (no temporary file),
/// and is complete once the writer is disposed.
/// </summary>
public static class SndsTableWriter
{
    /// <summary>Creates (or overwrites) <paramref name="path"/> and returns a writer of batches of <paramref name="schema"/>.</summary>
    public static ISndsTableWriter Create(string path, Schema schema, SndsFileFormat format, SndsWriteOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(schema);
        options ??= SndsWriteOptions.Default;
        if (options.CsvDelimiter is '"' or '\r' or '\n')
        {
            throw new ArgumentException($"'{options.CsvDelimiter}' cannot be a CSV delimiter.", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.ParquetRowGroupRows, 1, nameof(options));
        foreach (var field in schema.FieldsList)
        {
            if (!IsSupported(field.DataType))
            {
                throw new ArgumentException($"Column {field.Name} has Arrow type {field.DataType.Name}, which the SNDS writers do not write.", nameof(schema));
            }
        }

        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        return format switch
        {
            SndsFileFormat.Csv => new CsvTableWriter(path, schema, options),
            SndsFileFormat.Parquet => new ParquetTableWriter(path, schema, options),
            SndsFileFormat.ArrowIpc => new ArrowIpcTableWriter(path, schema),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
        };
    }

    internal static bool IsSupported(IArrowType type) => type.TypeId switch
    {
        ArrowTypeId.String or ArrowTypeId.Int64 or ArrowTypeId.Int32 or ArrowTypeId.Int16 or ArrowTypeId.Int8
            or ArrowTypeId.Double or ArrowTypeId.Float or ArrowTypeId.Boolean or ArrowTypeId.Date32
            or ArrowTypeId.Timestamp => true,
        _ => false,
    };

    /// <summary>Throws when a batch does not have the writer's columns and types.</summary>
    internal static void CheckBatch(Schema schema, RecordBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.ColumnCount != schema.FieldsList.Count)
        {
            throw new ArgumentException($"The batch has {batch.ColumnCount} columns; the file has {schema.FieldsList.Count}.", nameof(batch));
        }

        for (var i = 0; i < batch.ColumnCount; i++)
        {
            var expected = schema.FieldsList[i];
            var actual = batch.Schema.FieldsList[i];
            var array = batch.Column(i).Data.DataType;
            if (!string.Equals(expected.Name, actual.Name, StringComparison.Ordinal) || !SameType(expected.DataType, actual.DataType)
                || !SameType(expected.DataType, array))
            {
                throw new ArgumentException(
                    $"Batch column {i} is {actual.Name} ({actual.DataType.Name}, array {array.Name}); the file expects {expected.Name} ({expected.DataType.Name}).",
                    nameof(batch));
            }
        }
    }

    internal static bool SameType(IArrowType a, IArrowType b) =>
        a.TypeId == b.TypeId
        && (a is not TimestampType ta || (b is TimestampType tb && ta.Unit == tb.Unit && ta.Timezone == tb.Timezone));
}
