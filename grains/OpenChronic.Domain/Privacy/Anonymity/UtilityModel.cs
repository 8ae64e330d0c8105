namespace OpenChronic.Domain.Privacy.Anonymity;

/// <summary>
/// Precomputed per-attribute statistics (how many records each value of each level covers) from which every
/// information-loss metric of a full-domain recoding is computed, plus the generalization-only lower bounds
/// that do not depend on the grouping (suppression only adds loss).
/// </summary>
internal sealed class UtilityModel
{
    private readonly GeneralizationHierarchy[] _hierarchies;
    private readonly int _rows;
    private readonly double[][][] _levelCounts;
    private readonly double[][] _entropy;
    private readonly double[][] _loss;

    public UtilityModel(QuasiIdentifierTable table)
    {
        _hierarchies = [.. table.Columns.Select(c => c.Hierarchy)];
        _rows = table.RowCount;
        var columns = _hierarchies.Length;
        _levelCounts = new double[columns][][];
        _entropy = new double[columns][];
        _loss = new double[columns][];
        for (var c = 0; c < columns; c++)
        {
            var h = _hierarchies[c];
            var leafCounts = new double[h.LeafCount];
            foreach (var code in table.LeafCodes(c))
            {
                leafCounts[code]++;
            }

            _levelCounts[c] = new double[h.Levels][];
            _entropy[c] = new double[h.Levels];
            _loss[c] = new double[h.Levels];
            for (var l = 0; l < h.Levels; l++)
            {
                var map = h.LevelMap(l);
                var counts = new double[h.Cardinality(l)];
                for (var leaf = 0; leaf < map.Length; leaf++)
                {
                    counts[map[leaf]] += leafCounts[leaf];
                }

                _levelCounts[c][l] = counts;
                double entropy = 0, loss = 0;
                for (var leaf = 0; leaf < map.Length; leaf++)
                {
                    var a = leafCounts[leaf];
                    if (a > 0)
                    {
                        entropy += a * Math.Log2(counts[map[leaf]] / a);
                        loss += a * Share(c, l, map[leaf]);
                    }
                }

                _entropy[c][l] = entropy;
                _loss[c][l] = loss;
            }
        }
    }

    /// <summary>A value of the metric no recoding at <paramref name="levels"/> can beat, whatever it suppresses.</summary>
    public double LowerBound(InformationLossMetric metric, ReadOnlySpan<int> levels)
    {
        double sum = 0;
        switch (metric)
        {
            case InformationLossMetric.NonUniformEntropy:
                for (var c = 0; c < levels.Length; c++)
                {
                    sum += _entropy[c][levels[c]];
                }

                return sum;
            case InformationLossMetric.Loss:
                for (var c = 0; c < levels.Length; c++)
                {
                    sum += NormalizeLoss(c, _loss[c][levels[c]]);
                }

                return sum / levels.Length;
            case InformationLossMetric.Precision:
                for (var c = 0; c < levels.Length; c++)
                {
                    sum += _hierarchies[c].MaxLevel == 0 ? 0 : (double)levels[c] / _hierarchies[c].MaxLevel;
                }

                return sum / levels.Length;
            default:
                return 0;
        }
    }

    /// <summary>True when the metric's lower bound is informative (data-independent part of the loss).</summary>
    public static bool HasLowerBound(InformationLossMetric metric) =>
        metric is InformationLossMetric.NonUniformEntropy or InformationLossMetric.Loss or InformationLossMetric.Precision;

    public UtilityReport Report(NodeAssessment assessment)
    {
        var table = assessment.Table;
        var levels = table.Levels;
        var columns = levels.Length;
        var entropy = 0.0;
        var lossSums = new double[columns];
        var precisionSums = new double[columns];
        for (var c = 0; c < columns; c++)
        {
            entropy += _entropy[c][levels[c]];
        }

        for (var e = 0; e < table.Count; e++)
        {
            var n = (double)table.Sizes[e];
            var kept = assessment.IsKept(e);
            for (var c = 0; c < columns; c++)
            {
                var code = table.Codes[c][e];
                var h = _hierarchies[c];
                if (kept)
                {
                    lossSums[c] += n * Share(c, levels[c], code);
                    precisionSums[c] += h.MaxLevel == 0 ? 0 : n * levels[c] / h.MaxLevel;
                }
                else
                {
                    // a suppressed record is generalized to the root in every attribute
                    entropy += n * Math.Log2(_rows / _levelCounts[c][levels[c]][code]);
                    lossSums[c] += n;
                    precisionSums[c] += n;
                }
            }
        }

        double loss = 0, precision = 0;
        for (var c = 0; c < columns; c++)
        {
            loss += NormalizeLoss(c, lossSums[c]);
            precision += _rows == 0 ? 0 : precisionSums[c] / _rows;
        }

        double discernibility = (double)assessment.Suppressed * _rows;
        for (var cl = 0; cl < assessment.ClassSizes.Length; cl++)
        {
            if (assessment.Kept[cl])
            {
                discernibility += (double)assessment.ClassSizes[cl] * assessment.ClassSizes[cl];
            }
        }

        var groups = assessment.KeptClasses + (assessment.Suppressed > 0 ? 1 : 0);
        return new UtilityReport(entropy, loss / columns, discernibility, groups == 0 ? 0 : (double)_rows / groups,
            precision / columns, assessment.Suppressed, _rows, assessment.KeptClasses, assessment.SmallestKept);
    }

    private double Share(int column, int level, int code) =>
        (double)_hierarchies[column].LeavesUnder(level, code) / _hierarchies[column].LeafCount;

    // ARX's normalization: 0 when nothing is generalized, 1 when everything is at the root
    private double NormalizeLoss(int column, double sum)
    {
        var min = (double)_rows / _hierarchies[column].LeafCount;
        var max = (double)_rows;
        return max - min <= 0 ? 0 : Math.Max(0, (sum - min) / (max - min));
    }
}
