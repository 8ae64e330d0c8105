namespace OpenChronic.Analytics.Prediction.Features;

/// <summary>Accumulates feature rows into a <see cref="FeatureBlock"/>, naming columns as they first appear.</summary>
public sealed class FeatureBlockBuilder(int months, int channels)
{
    private readonly Dictionary<FeatureKey, int> _columnOf = [];
    private readonly List<string> _names = [];
    private readonly List<int> _rowStarts = [0];
    private readonly List<int> _columns = [];
    private readonly List<float> _values = [];
    private readonly List<bool> _labels = [];
    private readonly List<float> _reference = [];
    private readonly List<float> _oracle = [];
    private readonly List<float> _sequences = [];
    private readonly List<(int Column, float Value)> _scratch = [];

    public int Months { get; } = months;

    public int Channels { get; } = channels;

    public int Rows => _labels.Count;

    /// <summary>Adds a row of named features (zeros skipped); <paramref name="oracle"/> is the observable-signal oracle's risk.</summary>
    public void AddRow(IReadOnlyDictionary<FeatureKey, float> features, bool label, float reference, ReadOnlySpan<float> sequence, float oracle = float.NaN)
    {
        ArgumentNullException.ThrowIfNull(features);
        _scratch.Clear();
        foreach (var (key, value) in features)
        {
            if (value == 0)
            {
                continue;
            }

            if (!_columnOf.TryGetValue(key, out var column))
            {
                column = _names.Count;
                _columnOf[key] = column;
                _names.Add(key.Name());
            }

            _scratch.Add((column, value));
        }

        AddIndexedRow(_scratch, label, reference, sequence, oracle);
    }

    /// <summary>Adds a row of (column, value) pairs over the column set given to <see cref="Build"/>.</summary>
    public void AddIndexedRow(List<(int Column, float Value)> row, bool label, float reference, ReadOnlySpan<float> sequence, float oracle = float.NaN)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (sequence.Length != Months * Channels)
        {
            throw new ArgumentException($"A sequence has {Months} × {Channels} values.", nameof(sequence));
        }

        row.Sort((a, b) => a.Column.CompareTo(b.Column));
        foreach (var (column, value) in row)
        {
            _columns.Add(column);
            _values.Add(value);
        }

        _rowStarts.Add(_columns.Count);
        _labels.Add(label);
        _reference.Add(reference);
        _oracle.Add(oracle);
        foreach (var v in sequence)
        {
            _sequences.Add(v);
        }
    }

    /// <summary>The block, with the columns named as rows were added (or <paramref name="names"/> for indexed rows).</summary>
    public FeatureBlock Build(string[]? names = null) =>
        new(names ?? [.. _names], [.. _rowStarts], [.. _columns], [.. _values], [.. _labels], [.. _reference], [.. _sequences], Months, Channels, [.. _oracle]);
}
