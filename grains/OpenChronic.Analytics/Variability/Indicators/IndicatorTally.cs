namespace OpenChronic.Analytics.Variability.Indicators;

/// <summary>
/// Counts of one indicator per unit × age × sex stratum, summed over patients (each contribution is one distinct
/// person) or merged from other tallies (partitions hold disjoint patients, so their persons add up).
/// </summary>
public sealed class IndicatorTally
{
    private readonly Dictionary<(string Unit, int Stratum), UnitStratumCount> _cells = [];

    /// <summary>Adds one patient's contributions.</summary>
    public void AddPatient(IEnumerable<IndicatorContribution> contributions)
    {
        ArgumentNullException.ThrowIfNull(contributions);
        foreach (var c in contributions)
        {
            Add(new UnitStratumCount(c.Unit, c.Stratum, c.Denominator, c.Numerator, 1, c.Numerator > 0 ? 1 : 0));
        }
    }

    /// <summary>Adds counts of other patients (another tally's cells).</summary>
    public void Add(UnitStratumCount count)
    {
        ArgumentNullException.ThrowIfNull(count.Unit);
        ArgumentOutOfRangeException.ThrowIfNegative(count.Denominator);
        ArgumentOutOfRangeException.ThrowIfNegative(count.Numerator);
        ArgumentOutOfRangeException.ThrowIfNegative(count.Persons);
        ArgumentOutOfRangeException.ThrowIfNegative(count.NumeratorPersons);
        var key = (count.Unit, count.Stratum);
        _cells[key] = _cells.TryGetValue(key, out var c)
            ? c with
            {
                Denominator = c.Denominator + count.Denominator,
                Numerator = c.Numerator + count.Numerator,
                Persons = c.Persons + count.Persons,
                NumeratorPersons = c.NumeratorPersons + count.NumeratorPersons,
            }
            : count;
    }

    /// <summary>The cells, by unit then stratum (ordinal), so that results do not depend on merge order.</summary>
    public IReadOnlyList<UnitStratumCount> Cells =>
        [.. _cells.Values.OrderBy(c => c.Unit, StringComparer.Ordinal).ThenBy(c => c.Stratum)];
}
