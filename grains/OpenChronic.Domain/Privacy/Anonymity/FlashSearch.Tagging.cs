namespace OpenChronic.Domain.Privacy.Anonymity;

/// <summary>Flash's traversal: greedy paths, binary search on each path, predictive tagging.</summary>
public sealed partial class FlashSearch
{
    private void Tag(bool rankChecked)
    {
        var byHeight = _lattice.NodesByHeight();
        var heap = new PriorityQueue<int, (int, double, int)>();
        foreach (var nodes in byHeight)
        {
            Array.Sort(nodes, (a, b) => _order[a] != _order[b] ? _order[a].CompareTo(_order[b]) : a.CompareTo(b));
            foreach (var node in nodes)
            {
                if (_state[node] != Unknown || Pruned(node))
                {
                    continue;
                }

                CheckPath(FindPath(node), heap, rankChecked);
                while (heap.TryDequeue(out var failing, out _))
                {
                    foreach (var successor in SortedSuccessors(failing))
                    {
                        if (_state[successor] == Unknown && !Pruned(successor))
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
                if (_state[successor] == Unknown && !Pruned(successor))
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
            if (assessment is { Satisfies: true })
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

    // a node whose lower bound exceeds the best value found cannot be optimal, nor can any node above it
    // (only when suppression makes the metric non-monotone: otherwise Flash's full paths tag more per check)
    private bool Pruned(int node) => _pruning && _order[node] > _bestValue + Tolerance;

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
