namespace OpenChronic.Domain.Privacy.Anonymity;

/// <summary>
/// The bipartite graph of hidden cells of a table with margins: nodes 0..rows-1 are rows, rows.. are columns, and
/// each hidden cell is an edge between its row and its column. Finds bridges (Tarjan) and the two sides of one.
/// </summary>
internal sealed class SuppressionGraph(int rows, int columns)
{
    private int NodeCount => rows + columns;

    /// <summary>The index of a hidden cell whose edge is a bridge, or null.</summary>
    public int? FindBridge(CellStatus[] status)
    {
        var adjacency = Adjacency(status);
        var order = new int[NodeCount];
        var low = new int[NodeCount];
        Array.Fill(order, -1);
        var counter = 0;
        for (var start = 0; start < NodeCount; start++)
        {
            if (order[start] >= 0)
            {
                continue;
            }

            // iterative DFS: (node, edge used to reach it, next neighbour index)
            var stack = new Stack<(int Node, int ViaCell, int Next)>();
            order[start] = low[start] = counter++;
            stack.Push((start, -1, 0));
            while (stack.TryPop(out var frame))
            {
                var (node, via, next) = frame;
                if (next < adjacency[node].Count)
                {
                    stack.Push((node, via, next + 1));
                    var (neighbour, cell) = adjacency[node][next];
                    if (cell == via)
                    {
                        continue;
                    }

                    if (order[neighbour] < 0)
                    {
                        order[neighbour] = low[neighbour] = counter++;
                        stack.Push((neighbour, cell, 0));
                    }
                    else
                    {
                        low[node] = Math.Min(low[node], order[neighbour]);
                    }

                    continue;
                }

                if (stack.TryPeek(out var parent))
                {
                    low[parent.Node] = Math.Min(low[parent.Node], low[node]);
                    if (low[node] > order[parent.Node])
                    {
                        return via;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>Nodes reachable from each end of <paramref name="bridge"/> once it is removed.</summary>
    public (bool[] SideA, bool[] SideB) Sides(CellStatus[] status, int bridge)
    {
        var adjacency = Adjacency(status);
        var width = columns;
        var row = bridge / width;
        var column = rows + (bridge % width);
        return (Reach(adjacency, row, bridge), Reach(adjacency, column, bridge));
    }

    private bool[] Reach(List<(int, int)>[] adjacency, int start, int excludedCell)
    {
        var seen = new bool[NodeCount];
        var stack = new Stack<int>();
        seen[start] = true;
        stack.Push(start);
        while (stack.TryPop(out var node))
        {
            foreach (var (neighbour, cell) in adjacency[node])
            {
                if (cell != excludedCell && !seen[neighbour])
                {
                    seen[neighbour] = true;
                    stack.Push(neighbour);
                }
            }
        }

        return seen;
    }

    private List<(int Node, int Cell)>[] Adjacency(CellStatus[] status)
    {
        var adjacency = new List<(int, int)>[NodeCount];
        for (var n = 0; n < NodeCount; n++)
        {
            adjacency[n] = [];
        }

        for (var i = 0; i < status.Length; i++)
        {
            if (status[i] != CellStatus.Published)
            {
                int r = i / columns, c = rows + (i % columns);
                adjacency[r].Add((c, i));
                adjacency[c].Add((r, i));
            }
        }

        return adjacency;
    }
}
