using System.Globalization;
using System.Text;
using Apache.Arrow;
using OpenChronic.Domain.Snds;

namespace OpenChronic.Ingestion.Validation;

/// <summary>
/// The value checks of one catalogue column in one table: nomenclature codes, the schema's minimum,
/// maximum and minimum length, and the declared length of text. Loops over the Arrow buffers without
/// allocating per row; examples (masked for person identifiers) are built only while more are wanted.
/// </summary>
internal sealed class ColumnCheck
{
    private readonly SndsColumn _column;
    private readonly CodeListVerdicts? _codes;
    private readonly ProblemTally? _unknownCode;
    private readonly ProblemTally? _belowMinimum;
    private readonly ProblemTally? _aboveMaximum;
    private readonly ProblemTally? _tooShort;
    private readonly ProblemTally? _tooLong;

    private ColumnCheck(SndsColumn column, string table, CodeListVerdicts? codes, ProblemCollector problems)
    {
        _column = column;
        _codes = codes;
        var name = column.Name;
        if (codes is not null)
        {
            _unknownCode = problems.Tally(ValidationProblemKind.UnknownCode, table, name, $"not a code of {codes.Description}");
        }

        if (IsNumeric(column.Type))
        {
            _belowMinimum = column.Minimum is { } min
                ? problems.Tally(ValidationProblemKind.BelowMinimum, table, name, $"below the schema minimum {Show(min)}")
                : null;
            _aboveMaximum = column.Maximum is { } max
                ? problems.Tally(ValidationProblemKind.AboveMaximum, table, name, $"above the schema maximum {Show(max)}")
                : null;
        }

        if (column.Type == SndsType.String)
        {
            _tooShort = column.MinLength is { } minLength
                ? problems.Tally(ValidationProblemKind.TooShort, table, name, $"shorter than the schema minimum length {minLength}")
                : null;
            _tooLong = column.Length is { } length
                ? problems.Tally(ValidationProblemKind.TooLong, table, name, $"longer than the declared length {length}")
                : null;
        }
    }

    /// <summary>The checks of <paramref name="column"/>, or null when the schema constrains nothing that can be checked.</summary>
    public static ColumnCheck? Create(SndsColumn column, string table, CodeLists codeLists, ProblemCollector problems)
    {
        var check = new ColumnCheck(column, table, codeLists.For(column), problems);
        return check._unknownCode is null && check._belowMinimum is null && check._aboveMaximum is null &&
               check._tooShort is null && check._tooLong is null
            ? null
            : check;
    }

    public void Check(IArrowArray array, long[] rowNumbers, string file)
    {
        switch (array)
        {
            case StringArray s:
                CheckText(s, rowNumbers, file);
                break;
            case Int64Array l:
                for (var i = 0; i < l.Length; i++)
                {
                    if (l.GetValue(i) is { } v)
                    {
                        CheckNumber(v, l, i, rowNumbers, file);
                        if (_unknownCode is not null && !_codes!.IsKnown(v))
                        {
                            Report(_unknownCode, l, i, rowNumbers, file);
                        }
                    }
                }

                break;
            case Int32Array n:
                for (var i = 0; i < n.Length; i++)
                {
                    if (n.GetValue(i) is { } v)
                    {
                        CheckNumber(v, n, i, rowNumbers, file);
                    }
                }

                break;
            case DoubleArray d:
                for (var i = 0; i < d.Length; i++)
                {
                    if (d.GetValue(i) is { } v && !double.IsNaN(v))
                    {
                        CheckNumber(v, d, i, rowNumbers, file);
                    }
                }

                break;
        }
    }

    private static bool IsNumeric(SndsType type) =>
        type is SndsType.Integer or SndsType.Number or SndsType.Year or SndsType.YearMonth or SndsType.Month;

    private static string Show(double bound) => bound.ToString("R", CultureInfo.InvariantCulture);

    private void CheckText(StringArray array, long[] rowNumbers, string file)
    {
        for (var i = 0; i < array.Length; i++)
        {
            if (array.IsNull(i))
            {
                continue;
            }

            var value = KeyTuple.Trim(array.GetBytes(i));
            if (value.IsEmpty)
            {
                continue;
            }

            if (_tooShort is not null || _tooLong is not null)
            {
                var length = Ascii.IsValid(value) ? value.Length : Encoding.UTF8.GetCharCount(value);
                if (_tooShort is not null && length < _column.MinLength)
                {
                    Report(_tooShort, array, i, rowNumbers, file);
                }

                if (_tooLong is not null && length > _column.Length)
                {
                    Report(_tooLong, array, i, rowNumbers, file);
                }
            }

            if (_unknownCode is not null && !_codes!.IsKnown(value))
            {
                Report(_unknownCode, array, i, rowNumbers, file);
            }
        }
    }

    private void CheckNumber(double value, IArrowArray array, int i, long[] rowNumbers, string file)
    {
        if (_belowMinimum is not null && value < _column.Minimum)
        {
            Report(_belowMinimum, array, i, rowNumbers, file);
        }

        if (_aboveMaximum is not null && value > _column.Maximum)
        {
            Report(_aboveMaximum, array, i, rowNumbers, file);
        }
    }

    private void Report(ProblemTally tally, IArrowArray array, int i, long[] rowNumbers, string file)
    {
        if (!tally.WantsExample)
        {
            tally.Increment();
            return;
        }

        var example = new ProblemExample(file, rowNumbers[i], _column.Name, PersonMask.Show(_column.Name, KeyTuple.Text(array, i)), null);
        if (tally == _unknownCode)
        {
            tally.AddDistinct(example);
        }
        else
        {
            tally.Add(example);
        }
    }
}
