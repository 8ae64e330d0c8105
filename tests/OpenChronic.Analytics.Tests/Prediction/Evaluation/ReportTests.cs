using System.Xml.Linq;
using OpenChronic.Analytics.Prediction.Evaluation;
using OpenChronic.Analytics.Prediction.Metrics;
using OpenChronic.Analytics.Prediction.Plots;

namespace OpenChronic.Analytics.Tests.Prediction.Evaluation;

public sealed class ReportTests
{
    [Fact]
    public void SvgChart_Render_IsXmlWithOnePolylinePerSeriesAndEscapedText()
    {
        var svg = new SvgChart("ROC <test> & more", "x", "y")
            .Add("a", [(0, 0), (0.5, 0.8), (1, 1)])
            .Add("b & c", [(0, 0), (1, 1)], markers: true)
            .Render();

        var doc = XDocument.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(2, doc.Descendants(ns + "polyline").Count());
        Assert.Equal(2, doc.Descendants(ns + "circle").Count());
        Assert.Contains(doc.Descendants(ns + "text"), t => t.Value == "ROC <test> & more");
        Assert.Contains("60.0,400.0 220.0,112.0 380.0,40.0", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Published_DecileWithFewEvents_IsSuppressedWithAComplement()
    {
        // 10 deciles of 100 persons; the first has 3 events (primary), so a second decile must be hidden too.
        var p = new double[1000];
        var y = new bool[1000];
        for (var i = 0; i < 1000; i++)
        {
            p[i] = (i + 0.5) / 1000;
            var decile = i / 100;
            y[i] = decile == 0 ? i % 100 < 3 : i % 100 < 20 + decile;
        }

        var published = ReportWriter.Published(Evaluator.Evaluate(p, y));

        Assert.True(published.Count <= 8);
        Assert.DoesNotContain(published, b => b.Events < 11);
    }

    [Fact]
    public void Evaluate_RocPoints_AreAtLeastElevenPersonsApart()
    {
        var random = new Random(5);
        var p = Enumerable.Range(0, 500).Select(_ => random.NextDouble()).ToArray();
        var y = p.Select(v => random.NextDouble() < v).ToArray();

        var result = Evaluator.Evaluate(p, y);
        var negatives = y.Count(v => !v);
        var positives = y.Length - negatives;

        Assert.Equal(Discrimination.Auroc(p, y).Auc, result.Auroc.Auc);
        for (var i = 1; i < result.Roc.Count - 1; i++)
        {
            var step = ((result.Roc[i].FalsePositiveRate - result.Roc[i - 1].FalsePositiveRate) * negatives)
                + ((result.Roc[i].TruePositiveRate - result.Roc[i - 1].TruePositiveRate) * positives);
            Assert.True(step >= 11 - 1e-9, $"step {step} at {i}");
        }
    }

    [Fact]
    public void FitRecalibration_MiscalibratedPredictions_RecoversSlope()
    {
        var random = new Random(9);
        var truth = Enumerable.Range(0, 20000).Select(_ => (random.NextDouble() * 4) - 3).ToArray();
        var y = truth.Select(t => random.NextDouble() < LogisticFit.Expit(t)).ToArray();
        var overconfident = truth.Select(t => LogisticFit.Expit(2 * t)).ToArray();

        var (intercept, slope) = PredictionExperiment.FitRecalibration(overconfident, y);
        var recalibrated = PredictionExperiment.Apply(overconfident, (intercept, slope));

        Assert.Equal(0.5, slope, 1);
        Assert.Equal(1, Calibration.Weak(recalibrated, y).Slope, 2);
    }
}
