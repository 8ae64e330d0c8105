using Apache.Arrow;

namespace OpenChronic.Ingestion.Validation;

/// <summary>
/// Rows whose two dates cannot be in that order: DCIR care that starts after the flux carrying it was made
/// available (<c>EXE_SOI_DTD</c> &gt; <c>FLX_DIS_DTD</c>: <c>FLX_DIS_DTD</c> is the "date de mise à disposition",
/// the first day of the month after the claim was processed, <c>FLX_TRT_DTD</c>, so no care can follow it),
/// a PMSI stay that ends before it starts (<c>SOR_DAT</c> &lt; <c>ENT_DAT</c>). Reported as
/// <see cref="ValidationProblemKind.DatesOutOfOrder"/>.
/// </summary>
internal sealed class DateOrderCheck
{
    private static readonly (string Table, string Earlier, string Later, int SlackDays, string Detail)[] s_rules =
    [
        ("ER_PRS_F", "EXE_SOI_DTD", "FLX_DIS_DTD", 0, "care starts after the flux that carries it was made available"),
        ("T_MCOaaC", "ENT_DAT", "SOR_DAT", 0, "the stay ends before it starts"),
    ];

    private readonly int _earlier;
    private readonly int _later;
    private readonly int _slackDays;
    private readonly string _label;
    private readonly ProblemTally _tally;

    private DateOrderCheck(int earlier, int later, int slackDays, string label, ProblemTally tally)
    {
        _earlier = earlier;
        _later = later;
        _slackDays = slackDays;
        _label = label;
        _tally = tally;
    }

    /// <summary>The date order checks that apply to a file of <paramref name="file"/>'s table with this schema.</summary>
    public static IEnumerable<DateOrderCheck> For(ExtractFile file, Schema schema, ProblemCollector problems)
    {
        foreach (var (table, earlier, later, slack, detail) in s_rules)
        {
            var e = schema.GetFieldIndex(earlier);
            var l = schema.GetFieldIndex(later);
            if (table == file.Name.Table.Name && e >= 0 && l >= 0 &&
                schema.GetFieldByIndex(e).DataType is Apache.Arrow.Types.Date32Type &&
                schema.GetFieldByIndex(l).DataType is Apache.Arrow.Types.Date32Type)
            {
                var label = $"{earlier}>{later}";
                yield return new DateOrderCheck(e, l, slack, label, problems.Tally(ValidationProblemKind.DatesOutOfOrder, file.TableLabel, label, detail));
            }
        }
    }

    public void Check(RecordBatch batch, long[] rows, string file)
    {
        var earlier = (Date32Array)batch.Column(_earlier);
        var later = (Date32Array)batch.Column(_later);
        var earlierDays = earlier.Values;
        var laterDays = later.Values;
        for (var i = 0; i < batch.Length; i++)
        {
            if ((long)earlierDays[i] <= (long)laterDays[i] + _slackDays || earlier.IsNull(i) || later.IsNull(i))
            {
                continue;
            }

            if (_tally.WantsExample)
            {
                _tally.Add(new ProblemExample(file, rows[i], _label,
                    $"{KeyTuple.Text(earlier, i)} > {KeyTuple.Text(later, i)}", null));
            }
            else
            {
                _tally.Increment();
            }
        }
    }
}
