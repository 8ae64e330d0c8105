using System.Collections.Concurrent;
using OpenChronic.Analytics.Variability.Indicators;

namespace OpenChronic.Grains;

/// <summary>Resolves variability requests against the embedded indicator catalogue (evaluators are shared: they are stateless).</summary>
internal static class VariabilityRequests
{
    private static readonly ConcurrentDictionary<string, IndicatorEvaluator> s_evaluators = new(StringComparer.Ordinal);

    public static (IndicatorEvaluator Evaluator, UnitLevel Level) Resolve(VariabilityRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var indicator = IndicatorCatalogue.Default.Find(request.Indicator)
            ?? throw new ArgumentException($"Unknown indicator '{request.Indicator}'.", nameof(request));
        if (!IndicatorCatalogue.TryParseLevel(request.Level, out var level) || !indicator.Units.Contains(level))
        {
            throw new ArgumentException($"Indicator '{indicator.Id}' is not compared by '{request.Level}'.", nameof(request));
        }

        return (s_evaluators.GetOrAdd(indicator.Id, _ => new IndicatorEvaluator(indicator)), level);
    }

    public static VariabilityCell ToCell(int request, UnitStratumCount c) =>
        new(request, c.Unit, c.Stratum, c.Denominator, c.Numerator, c.Persons, c.NumeratorPersons);

    public static UnitStratumCount ToCount(VariabilityCell c) =>
        new(c.Unit, c.Stratum, c.Denominator, c.Numerator, c.Persons, c.NumeratorPersons);
}
