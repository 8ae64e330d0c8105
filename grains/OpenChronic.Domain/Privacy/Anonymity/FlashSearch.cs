namespace OpenChronic.Domain.Privacy.Anonymity;

/// <summary>
/// Globally optimal full-domain generalization, after Flash (Kohlmayer et al., PASSAT 2012). Nodes are visited
/// height by height; from each untagged node a greedy path of untagged successors is built and binary-searched.
/// Because the policy is monotone, a satisfying node tags all nodes above it as satisfying and a failing node
/// tags all nodes below it as failing (predictive tagging), so most nodes are never grouped. Checked nodes get
/// their classes by rollup from the smallest cached node below them. Without suppression every metric is
/// monotone and the optimum is the best checked satisfying node; otherwise all satisfying nodes are ranked by a
/// data-independent lower bound and evaluated until the bound exceeds the best value found.
/// </summary>
public sealed partial class FlashSearch
{
    // values closer than this are ties (bounds and values are summed in different orders)
    private const double Tolerance = 1e-9;
    private const byte Unknown = 0, Satisfying = 1, SatisfyingPredicted = 2, Failing = 3, FailingPredicted = 4;

    private readonly QuasiIdentifierTable _table;
    private readonly AnonymizationPolicy _policy;
    private readonly InformationLossMetric _metric;
    private readonly Lattice _lattice;
    private readonly Groupifier _groupifier;
    private readonly UtilityModel _utility;
    private readonly double[] _order;
    private readonly bool _bounded;
    private byte[] _state = [];
    private ClassTableCache? _cache;
    private int _checks;
    private bool _rankedChecked;
    private bool _pruning;
    private int _best;
    private double _bestValue;

    public FlashSearch(QuasiIdentifierTable table, AnonymizationPolicy policy, InformationLossMetric metric)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.NeedsSensitive && !table.HasSensitive)
        {
            throw new ArgumentException("The policy needs a sensitive attribute that the table does not have.", nameof(policy));
        }

        _table = table;
        _policy = policy;
        _metric = metric;
        _lattice = new Lattice([.. table.Columns.Select(c => c.Hierarchy.MaxLevel)]);
        _groupifier = new Groupifier(table, policy.NeedsSensitive);
        _utility = new UtilityModel(table);
        _order = new double[_lattice.NodeCount];
        var levels = new int[_lattice.Dimensions];
        _bounded = UtilityModel.HasLowerBound(metric);
        var heuristic = _bounded ? metric : InformationLossMetric.Precision;
        for (var n = 0; n < _lattice.NodeCount; n++)
        {
            _lattice.Levels(n, levels);
            _order[n] = _utility.LowerBound(heuristic, levels);
        }
    }

    public Lattice Lattice => _lattice;

    /// <summary>Groups the table at <paramref name="levels"/> and reports utility and whether the policy holds.</summary>
    public (bool Satisfies, UtilityReport Utility) Evaluate(ReadOnlySpan<int> levels)
    {
        var assessment = NodeAssessment.Assess(_groupifier.Group(levels.ToArray(), null), _policy, _table.RowCount);
        return (assessment.Satisfies, _utility.Report(assessment));
    }

    /// <summary>Runs the search.</summary>
    public FullDomainResult Run()
    {
        _state = new byte[_lattice.NodeCount];
        _cache = new ClassTableCache(_lattice, Math.Max(4L * _table.RowCount, 1 << 20));
        _checks = 0;
        _best = -1;
        _bestValue = double.PositiveInfinity;
        _rankedChecked = false;
        _pruning = false;
        var monotoneMetric = _policy.SuppressionLimit == 0;
        if (_policy.IsMonotone)
        {
            _rankedChecked = monotoneMetric || _bounded;
            _pruning = !monotoneMetric && _bounded;
            Tag(_rankedChecked);
        }

        if (!_policy.IsMonotone || !monotoneMetric)
        {
            EvaluateCandidates();
        }

        var satisfying = 0;
        foreach (var s in _state)
        {
            satisfying += s is Satisfying or SatisfyingPredicted ? 1 : 0;
        }

        if (_best < 0)
        {
            return new FullDomainResult(null, null, _metric, _lattice.NodeCount, _checks, satisfying);
        }

        var bestLevels = _lattice.Levels(_best);
        var (_, utility) = Evaluate(bestLevels);
        return new FullDomainResult([.. bestLevels], utility, _metric, _lattice.NodeCount, _checks, satisfying);
    }

    private NodeAssessment? Check(int node)
    {
        _checks++;

        // a satisfying node has at most N/k kept classes plus one suppressed class per suppressed record, so a
        // grouping that reaches more entries can stop: the node fails (entries are classes without a sensitive attribute)
        var maxEntries = _policy.NeedsSensitive
            ? int.MaxValue
            : (int)Math.Min(int.MaxValue, ((long)_table.RowCount / _policy.K) + _policy.MaxSuppressed(_table.RowCount));
        var table = _groupifier.Group(_lattice.Levels(node), _cache!.BestSourceFor(node), maxEntries);
        if (table is null)
        {
            return null;
        }

        _cache.Add(node, table);
        return NodeAssessment.Assess(table, _policy, _table.RowCount);
    }

    private void EvaluateCandidates()
    {
        // Candidates by increasing lower bound (or height when the metric has none), stopping once the bound exceeds
        // the best value: nodes above that bound need not be decided at all. When the policy is monotone, each
        // check still tags the nodes above (satisfying) or below (failing) it, so failing regions are skipped.
        var bounded = UtilityModel.HasLowerBound(_metric);
        var candidates = new List<int>();
        for (var n = 0; n < _lattice.NodeCount; n++)
        {
            if (_state[n] is Unknown or Satisfying or SatisfyingPredicted)
            {
                candidates.Add(n);
            }
        }

        candidates.Sort((a, b) => bounded && _order[a] != _order[b]
            ? _order[a].CompareTo(_order[b])
            : _lattice.Height(a) != _lattice.Height(b) ? _lattice.Height(a).CompareTo(_lattice.Height(b)) : a.CompareTo(b));
        foreach (var node in candidates)
        {
            if (bounded && _order[node] > _bestValue + Tolerance)
            {
                break;
            }

            if (_state[node] is Failing or FailingPredicted || (_state[node] == Satisfying && _rankedChecked))
            {
                continue;
            }

            var assessment = Check(node);
            if (assessment is { Satisfies: true })
            {
                _state[node] = Satisfying;
                Consider(node, _utility.Report(assessment).Value(_metric));
                if (_policy.IsMonotone)
                {
                    TagUp(node);
                }
            }
            else
            {
                _state[node] = Failing;
                if (_policy.IsMonotone)
                {
                    TagDown(node);
                }
            }
        }
    }

    private void Consider(int node, double value)
    {
        // ties go to the lower node, then to the lower index, so the result is deterministic
        if (value < _bestValue - Tolerance ||
            (Math.Abs(value - _bestValue) <= Tolerance && (_lattice.Height(node), node).CompareTo((_lattice.Height(_best), _best)) < 0))
        {
            _best = node;
            _bestValue = value;
        }
    }
}
