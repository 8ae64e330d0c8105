using OpenChronic.Domain.Privacy.Anonymity;

namespace OpenChronic.Domain.Tests.Privacy.Anonymity;

/// <summary>
/// An attacker who knows every published cell and margin and solves the row and column sum equations: a hidden
/// cell is recovered when the equations determine it uniquely (its unit vector lies in their row space). This
/// covers subtracting published cells from a margin, and any chain of such subtractions.
/// </summary>
internal static class MarginAttacker
{
    public static List<(int Row, int Column)> Recoverable(CellSuppressionResult table)
    {
        var hidden = new List<(int Row, int Column)>();
        for (var r = 0; r <= table.Rows; r++)
        {
            for (var c = 0; c <= table.Columns; c++)
            {
                if (table.Published(r, c) is null)
                {
                    hidden.Add((r, c));
                }
            }
        }

        var equations = new List<double[]>();
        for (var r = 0; r <= table.Rows; r++)
        {
            // Σ_c cell(r, c) - total(r) = 0
            equations.Add([.. hidden.Select(h => h.Row != r ? 0.0 : h.Column == table.Columns ? -1.0 : 1.0)]);
        }

        for (var c = 0; c <= table.Columns; c++)
        {
            equations.Add([.. hidden.Select(h => h.Column != c ? 0.0 : h.Row == table.Rows ? -1.0 : 1.0)]);
        }

        var rank = Rank(equations, hidden.Count);
        var recovered = new List<(int, int)>();
        for (var j = 0; j < hidden.Count; j++)
        {
            var unit = new double[hidden.Count];
            unit[j] = 1;
            if (Rank([.. equations, unit], hidden.Count) == rank)
            {
                recovered.Add(hidden[j]);
            }
        }

        return recovered;
    }

    private static int Rank(List<double[]> rows, int width)
    {
        var m = rows.Select(r => (double[])r.Clone()).ToList();
        var rank = 0;
        for (var col = 0; col < width && rank < m.Count; col++)
        {
            var pivot = Enumerable.Range(rank, m.Count - rank).OrderByDescending(i => Math.Abs(m[i][col])).First();
            if (Math.Abs(m[pivot][col]) < 1e-9)
            {
                continue;
            }

            (m[rank], m[pivot]) = (m[pivot], m[rank]);
            for (var i = 0; i < m.Count; i++)
            {
                if (i != rank && Math.Abs(m[i][col]) > 0)
                {
                    var f = m[i][col] / m[rank][col];
                    for (var k = col; k < width; k++)
                    {
                        m[i][k] -= f * m[rank][k];
                    }
                }
            }

            rank++;
        }

        return rank;
    }
}
