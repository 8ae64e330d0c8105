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
public sealed class FlashSearch
{
    private const byte Unknown = 0, Satisfying = 1, SatisfyingPredicted = 2, Failing = 3, FailingPredicted = 4;

    private readonly QuasiIdentifierTable _table;
    private readonly AnonymizationPolicy _policy;
    private readonly InformationLossMetric _metric;
    private readonly Lattice _lattice;
    private readonly Groupifier _groupifier;
    private readonly UtilityModel _utility;
    private readonly double[] _order;
    private byte[] _state = [];
    private ClassTableCache? _cache;
    private int _checks;
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
        var heuristic = UtilityModel.HasLowerBound(metric) ? metric : InformationLossMetric.Precision;
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
        var monotoneMetric = _policy.SuppressionLimit == 0;
        if (_policy.IsMonotone)
        {
            Tag(monotoneMetric);
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

    private void Tag(bool rankChecked)
    {
        var byHeight = _lattice.NodesByHeight();
        var heap = new PriorityQueue<int, (int, double, int)>();
        foreach (var nodes in byHeight)
        {
            Array.Sort(nodes, (a, b) => _order[a] != _order[b] ? _order[a].CompareTo(_order[b]) : a.CompareTo(b));
            foreach (var node in nodes)
            {
                if (_state[node] != Unknown)
                {
                    continue;
                }

                CheckPath(FindPath(node), heap, rankChecked);
                while (heap.TryDequeue(out var failing, out _))
                {
                    foreach (var successor in SortedSuccessors(failing))
                    {
                        if (_state[successor] == Unknown)
                        {
                            CheckPath(FindPath(successor), heap, rankChecked);
                        }
                    }
                }
            }
        }
    }

    private List<int> FindPath(int node)
    {
        var path = new List<int> { node };
        var current = node;
        while (true)
        {
            var next = -1;
            foreach (var successor in SortedSuccessors(current))
            {
                if (_state[successor] == Unknown)
                {
                    next = successor;
                    break;
                }
            }

            if (next < 0)
            {
                return path;
            }

            path.Add(next);
            current = next;
        }
    }

    private void CheckPath(List<int> path, PriorityQueue<int, (int, double, int)> heap, bool rankChecked)
    {
        var low = 0;
        var high = path.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var node = path[mid];
            if (_state[node] != Unknown)
            {
                // tagged meanwhile by a check on this path
                if (_state[node] is Satisfying or SatisfyingPredicted)
                {
                    high = mid - 1;
                }
                else
                {
                    low = mid + 1;
                }

                continue;
            }

            var assessment = Check(node);
            if (assessment.Satisfies)
            {
                _state[node] = Satisfying;
                if (rankChecked)
                {
                    Consider(node, _utility.Report(assessment).Value(_metric));
                }

                TagUp(node);
                high = mid - 1;
            }
            else
            {
                _state[node] = Failing;
                TagDown(node);
                heap.Enqueue(node, (_lattice.Height(node), _order[node], node));
                low = mid + 1;
            }
        }
    }

    private NodeAssessment Check(int node)
    {
        _checks++;
        var table = _groupifier.Group(_lattice.Levels(node), _cache!.BestSourceFor(node));
        _cache.Add(node, table);
        return NodeAssessment.Assess(table, _policy, _table.RowCount);
    }

    private void EvaluateCandidates()
    {
        var candidates = new List<int>();
        for (var n = 0; n < _lattice.NodeCount; n++)
        {
            if (!_policy.IsMonotone || _state[n] is Satisfying or SatisfyingPredicted)
            {
                candidates.Add(n);
            }
        }

        var bounded = UtilityModel.HasLowerBound(_metric);
        candidates.Sort((a, b) => bounded && _order[a] != _order[b]
            ? _order[a].CompareTo(_order[b])
            : _lattice.Height(a) != _lattice.Height(b) ? _lattice.Height(a).CompareTo(_lattice.Height(b)) : a.CompareTo(b));
        foreach (var node in candidates)
        {
            if (bounded && _order[node] > _bestValue)
            {
                break;
            }

            var assessment = Check(node);
            if (assessment.Satisfies)
            {
                _state[node] = Satisfying;
                Consider(node, _utility.Report(assessment).Value(_metric));
            }
            else if (!_policy.IsMonotone)
            {
                _state[node] = Failing;
            }
        }
    }

    private void Consider(int node, double value)
    {
        // ties go to the lower node, then to the lower index, so the result is deterministic
        if (value < _bestValue - 1e-9 ||
            (Math.Abs(value - _bestValue) <= 1e-9 && (_lattice.Height(node), node).CompareTo((_lattice.Height(_best), _best)) < 0))
        {
            _best = node;
            _bestValue = value;
        }
    }

    private void TagUp(int node)
    {
        var stack = new Stack<int>();
        stack.Push(node);
        while (stack.TryPop(out var n))
        {
            for (var d = 0; d < _lattice.Dimensions; d++)
            {
                var s = _lattice.Successor(n, d);
                if (s >= 0 && _state[s] == Unknown)
                {
                    _state[s] = SatisfyingPredicted;
                    stack.Push(s);
                }
            }
        }
    }

    private void TagDown(int node)
    {
        var stack = new Stack<int>();
        stack.Push(node);
        while (stack.TryPop(out var n))
        {
            for (var d = 0; d < _lattice.Dimensions; d++)
            {
                var p = _lattice.Predecessor(n, d);
                if (p >= 0 && _state[p] == Unknown)
                {
                    _state[p] = FailingPredicted;
                    stack.Push(p);
                }
            }
        }
    }

    private List<int> SortedSuccessors(int node)
    {
        var result = new List<int>(_lattice.Dimensions);
        for (var d = 0; d < _lattice.Dimensions; d++)
        {
            var s = _lattice.Successor(node, d);
            if (s >= 0)
            {
                result.Add(s);
            }
        }

        result.Sort((a, b) => _order[a] != _order[b] ? _order[a].CompareTo(_order[b]) : a.CompareTo(b));
        return result;
    }
}
