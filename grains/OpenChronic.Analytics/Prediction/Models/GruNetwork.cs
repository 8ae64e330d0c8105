namespace OpenChronic.Analytics.Prediction.Models;

/// <summary>
/// A single-layer GRU over a sequence of T steps of C inputs, plus S static inputs, with a logistic output:
/// z = σ(Wz x + Uz h + bz), r = σ(Wr x + Ur h + br), n = tanh(Wn x + bn + r ⊙ (Un h + bu)), h ← (1 − z) ⊙ n + z ⊙ h,
/// logit = wo · h_T + ws · s + bo. Parameters live in one vector; <see cref="Backward"/> adds the gradient of the
/// log-loss by back-propagation through time. Written by hand because the TorchSharp native library does not load
/// on this machine's C++ runtime.
/// </summary>
internal sealed class GruNetwork
{
    private readonly int _c;
    private readonly int _h;
    private readonly int _s;

    // Offsets of the parameter blocks in the vector.
    private readonly int _wz, _wr, _wn, _uz, _ur, _un, _bz, _br, _bn, _bu, _wo, _ws, _bo;

    public GruNetwork(int inputs, int hidden, int statics, Random random)
    {
        _c = inputs;
        _h = hidden;
        _s = statics;
        var o = 0;
        _wz = o; o += hidden * inputs;
        _wr = o; o += hidden * inputs;
        _wn = o; o += hidden * inputs;
        _uz = o; o += hidden * hidden;
        _ur = o; o += hidden * hidden;
        _un = o; o += hidden * hidden;
        _bz = o; o += hidden;
        _br = o; o += hidden;
        _bn = o; o += hidden;
        _bu = o; o += hidden;
        _wo = o; o += hidden;
        _ws = o; o += statics;
        _bo = o; o += 1;
        Parameters = new double[o];
        var scale = 1 / Math.Sqrt(hidden);
        for (var i = 0; i < _bz; i++)
        {
            Parameters[i] = ((2 * random.NextDouble()) - 1) * scale;
        }

        for (var i = _wo; i < _ws; i++)
        {
            Parameters[i] = ((2 * random.NextDouble()) - 1) * scale;
        }
    }

    public double[] Parameters { get; }

    public int OutputBias => _bo;

    /// <summary>The logit for one sequence (steps × inputs) and its statics; fills the trace when given.</summary>
    public double Forward(ReadOnlySpan<float> sequence, ReadOnlySpan<float> statics, Trace? trace = null)
    {
        var p = Parameters;
        var steps = sequence.Length / _c;
        Span<double> h = stackalloc double[_h];
        Span<double> next = stackalloc double[_h];
        h.Clear();
        for (var t = 0; t < steps; t++)
        {
            var x = sequence.Slice(t * _c, _c);
            for (var j = 0; j < _h; j++)
            {
                double z = p[_bz + j], r = p[_br + j], n = p[_bn + j], a = p[_bu + j];
                for (var k = 0; k < _c; k++)
                {
                    var xk = x[k];
                    if (xk != 0)
                    {
                        z += p[_wz + (j * _c) + k] * xk;
                        r += p[_wr + (j * _c) + k] * xk;
                        n += p[_wn + (j * _c) + k] * xk;
                    }
                }

                for (var k = 0; k < _h; k++)
                {
                    z += p[_uz + (j * _h) + k] * h[k];
                    r += p[_ur + (j * _h) + k] * h[k];
                    a += p[_un + (j * _h) + k] * h[k];
                }

                z = Sigmoid(z);
                r = Sigmoid(r);
                n = Math.Tanh(n + (r * a));
                next[j] = ((1 - z) * n) + (z * h[j]);
                if (trace is not null)
                {
                    var at = (t * _h) + j;
                    trace.Z[at] = z;
                    trace.R[at] = r;
                    trace.N[at] = n;
                    trace.A[at] = a;
                    trace.H[at] = h[j];
                }
            }

            next.CopyTo(h);
        }

        var logit = p[_bo];
        for (var j = 0; j < _h; j++)
        {
            logit += p[_wo + j] * h[j];
        }

        for (var k = 0; k < _s; k++)
        {
            logit += p[_ws + k] * statics[k];
        }

        if (trace is not null)
        {
            h.CopyTo(trace.Last);
        }

        return logit;
    }

    /// <summary>Adds to <paramref name="gradient"/> the gradient for d(loss)/d(logit) = <paramref name="g"/>, from a traced forward pass.</summary>
    public void Backward(ReadOnlySpan<float> sequence, ReadOnlySpan<float> statics, Trace trace, double g, double[] gradient)
    {
        var p = Parameters;
        var steps = sequence.Length / _c;
        Span<double> dh = stackalloc double[_h];
        Span<double> dPrev = stackalloc double[_h];
        Span<double> dzPre = stackalloc double[_h];
        Span<double> drPre = stackalloc double[_h];
        Span<double> da = stackalloc double[_h];
        Span<double> dnPre = stackalloc double[_h];
        gradient[_bo] += g;
        for (var j = 0; j < _h; j++)
        {
            gradient[_wo + j] += g * trace.Last[j];
            dh[j] = g * p[_wo + j];
        }

        for (var k = 0; k < _s; k++)
        {
            gradient[_ws + k] += g * statics[k];
        }

        for (var t = steps - 1; t >= 0; t--)
        {
            var x = sequence.Slice(t * _c, _c);
            for (var j = 0; j < _h; j++)
            {
                var at = (t * _h) + j;
                double z = trace.Z[at], r = trace.R[at], n = trace.N[at], a = trace.A[at], hp = trace.H[at];
                var dn = dh[j] * (1 - z);
                dzPre[j] = dh[j] * (hp - n) * z * (1 - z);
                dPrev[j] = dh[j] * z;
                dnPre[j] = dn * (1 - (n * n));
                drPre[j] = dnPre[j] * a * r * (1 - r);
                da[j] = dnPre[j] * r;
                gradient[_bz + j] += dzPre[j];
                gradient[_br + j] += drPre[j];
                gradient[_bn + j] += dnPre[j];
                gradient[_bu + j] += da[j];
                for (var k = 0; k < _c; k++)
                {
                    var xk = x[k];
                    if (xk != 0)
                    {
                        gradient[_wz + (j * _c) + k] += dzPre[j] * xk;
                        gradient[_wr + (j * _c) + k] += drPre[j] * xk;
                        gradient[_wn + (j * _c) + k] += dnPre[j] * xk;
                    }
                }
            }

            for (var j = 0; j < _h; j++)
            {
                for (var k = 0; k < _h; k++)
                {
                    var hk = trace.H[(t * _h) + k];
                    gradient[_uz + (j * _h) + k] += dzPre[j] * hk;
                    gradient[_ur + (j * _h) + k] += drPre[j] * hk;
                    gradient[_un + (j * _h) + k] += da[j] * hk;
                    dPrev[k] += (p[_uz + (j * _h) + k] * dzPre[j]) + (p[_ur + (j * _h) + k] * drPre[j]) + (p[_un + (j * _h) + k] * da[j]);
                }
            }

            dPrev.CopyTo(dh);
        }
    }

    public static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));

    /// <summary>What a forward pass keeps for back-propagation (steps × hidden per gate).</summary>
    internal sealed class Trace(int steps, int hidden)
    {
        public double[] Z { get; } = new double[steps * hidden];

        public double[] R { get; } = new double[steps * hidden];

        public double[] N { get; } = new double[steps * hidden];

        public double[] A { get; } = new double[steps * hidden];

        public double[] H { get; } = new double[steps * hidden];

        public double[] Last { get; } = new double[hidden];
    }
}
