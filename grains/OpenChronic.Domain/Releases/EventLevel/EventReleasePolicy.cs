using System.Text.Json;

namespace OpenChronic.Domain.Releases.EventLevel;

/// <summary>
/// The policy of an event-level release of care pathways (JSON, docs/release-db.md; <see cref="Default"/> when none is
/// given): how quasi-identifiers and events are generalized before the dataset-level protection, and the guarantees
/// the release must meet — k distinct persons per quasi-identifier class, k^m-anonymity of each person's set of
/// (code, period) events, and every ordered sequence of up to L events shared by at least k persons (L ≤ m).
/// </summary>
public sealed record EventReleasePolicy
{
    public string Name { get; init; } = "event-default";

    /// <summary>Minimum number of distinct persons per quasi-identifier class, per event combination and per sequence.</summary>
    public int K { get; init; } = 5;

    /// <summary>Number of events (with their period) the attacker is assumed to know.</summary>
    public int M { get; init; } = 2;

    /// <summary>Longest ordered sequence of events that must be shared by k persons; at most <see cref="M"/>.</summary>
    public int SequenceLength { get; init; } = 2;

    /// <summary>
    /// Whether k^m and sequences are counted within quasi-identifier classes (true: the attacker knows the person's
    /// age band, sex and territory as well as m events; false: m events only).
    /// </summary>
    public bool WithinQuasiIdentifiers { get; init; } = true;

    /// <summary>Width in years of the age bands (age at the reference date).</summary>
    public int AgeBandYears { get; init; } = 10;

    /// <summary>
    /// <c>departement</c>, <c>region</c> or <c>national</c>; the builder falls back to the next coarser level when too
    /// many persons would be withheld.
    /// </summary>
    public string Territory { get; init; } = "departement";

    /// <summary>The quasi-identifier territory of a person at <paramref name="level"/> (<c>R</c> + région code, <c>FR</c>).</summary>
    public static string TerritoryOf(string departement, string level) => level switch
    {
        "departement" => departement,
        "region" => "R" + (Cohorts.CohortEvaluator.Default.RegionOf(departement) ?? "?"),
        _ => "FR",
    };

    /// <summary>
    /// <c>week</c>, <c>month</c> (30 days), <c>quarter</c> (91 days), <c>semester</c> (182 days) or <c>year</c>
    /// (365 days): the unit of the relative dates.
    /// </summary>
    public string TimeUnit { get; init; } = "quarter";

    /// <summary>Units before the reference date that are released (older events are dropped).</summary>
    public int UnitsBefore { get; init; } = 4;

    /// <summary>Units after the reference date that are released (later events are dropped).</summary>
    public int UnitsAfter { get; init; } = 8;

    /// <summary>Characters of the ATC code kept before the dataset protection (5 = chemical subgroup, ATC level 4).</summary>
    public int AtcLength { get; init; } = 5;

    /// <summary>Shortest ATC code the protection may generalize to (4 = ATC level 3, pharmacological subgroup); rarer items are suppressed instead.</summary>
    public int AtcFloor { get; init; } = 4;

    /// <summary>Coarsest ICD-10 level the protection may generalize to: <c>category</c>, <c>block</c>, <c>chapter</c> or <c>any</c>.</summary>
    public string IcdFloor { get; init; } = "block";

    /// <summary>Shortest CCAM / NABM / GHM prefix the protection may generalize to (1 = chapter, 0 = system top).</summary>
    public int ActFloor { get; init; } = 1;

    /// <summary>Coarsest period level the protection may generalize to: 1 the unit, 2 the middle period, 3 the year, 4 any time.</summary>
    public int PeriodCeiling { get; init; } = 3;

    /// <summary>Levels the dataset protection may climb above the starting generalization before suppressing (1..4).</summary>
    public int MaxGeneralization { get; init; } = 4;

    /// <summary>
    /// <c>global</c>: <see cref="Privacy.Anonymity.KmAnonymizer"/> generalizes and, at the cap, suppresses an item from
    /// every person of its class; <c>local</c>: the same generalization, then the remaining rare combinations of up to
    /// m items are suppressed only from the persons holding them (<see cref="LocalKmSuppression"/>).
    /// </summary>
    public string Recoding { get; init; } = "global";

    /// <summary>Largest fraction of the in-scope persons that may be withheld (small quasi-identifier classes).</summary>
    public double MaxSuppressedPersons { get; init; } = 0.05;

    /// <summary>Largest fraction of the distinct (person, code, period) events that may be suppressed.</summary>
    public double MaxSuppressedEvents { get; init; } = 0.5;

    /// <summary>
    /// The release gate of the per-département tables (<c>territories.csv</c>): <c>suppression</c> (cells under 11
    /// distinct persons hidden, complementary suppression) or <c>dp</c> (discrete Laplace noise, <see cref="TableEpsilon"/>
    /// per table, every département of the nomenclature published).
    /// </summary>
    public string TableGate { get; init; } = "suppression";

    /// <summary>ε spent by each per-département table under the <c>dp</c> gate (a person is in one cell of a table); the tables compose by sum.</summary>
    public double TableEpsilon { get; init; } = 1;

    /// <summary>
    /// The default policy. Its tables go through the <c>dp</c> gate at ε = 3 per table, chosen by measurement
    /// (docs/release-db.md: the smallest of 1, 2, 3 meeting every per-département target at 100,000 persons); a policy
    /// file without <c>tableGate</c> keeps the earlier suppression gate.
    /// </summary>
    public static EventReleasePolicy Default { get; } = new() { TableGate = "dp", TableEpsilon = 3 };

    /// <summary>Days in one time unit.</summary>
    public int UnitDays => TimeUnit switch { "week" => 7, "month" => 30, "semester" => 182, "year" => 365, _ => 91 };

    /// <summary>Parses and validates a policy; the policy or a reason.</summary>
    public static (EventReleasePolicy? Policy, string? Error) Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        EventReleasePolicy? policy;
        try
        {
            policy = JsonSerializer.Deserialize<EventReleasePolicy>(json, ReleasePolicy.JsonOptions);
        }
        catch (JsonException e)
        {
            return (null, $"line {e.LineNumber + 1}: {e.Message}");
        }

        if (policy is null)
        {
            return (null, "empty policy.");
        }

        var error = policy.Validate();
        return error is null ? (policy, null) : (null, error);
    }

    /// <summary>Null when the policy is usable, else why not.</summary>
    public string? Validate() =>
        K < ReleasePolicy.MinimumK ? $"k must be at least {ReleasePolicy.MinimumK}."
        : M is < 1 or > 4 ? "m must be between 1 and 4."
        : SequenceLength < 1 || SequenceLength > M ? "the sequence length L must be between 1 and m (sequences are protected through k^m)."
        : AgeBandYears is < 1 or > 120 ? "the age band must be 1 to 120 years."
        : Territory is not ("departement" or "region" or "national") ? "territory must be 'departement', 'region' or 'national'."
        : TimeUnit is not ("week" or "month" or "quarter" or "semester" or "year") ? "the time unit must be 'week', 'month', 'quarter', 'semester' or 'year'."
        : UnitsBefore < 0 || UnitsAfter < 0 ? "the window must not be negative."
        : AtcLength is not (1 or 3 or 4 or 5 or 7) ? "the ATC length must be 1, 3, 4, 5 or 7."
        : AtcFloor is not (0 or 1 or 3 or 4 or 5 or 7) || AtcFloor > AtcLength ? "the ATC floor must be 0, 1, 3, 4, 5 or 7 and at most the ATC length."
        : IcdFloor is not ("category" or "block" or "chapter" or "any") ? "the ICD floor must be 'category', 'block', 'chapter' or 'any'."
        : ActFloor is < 0 or > 2 ? "the act floor must be 0, 1 or 2."
        : PeriodCeiling is < 1 or > 4 ? "the period ceiling must be 1 to 4."
        : MaxGeneralization is < 1 or > EventCodes.Levels ? $"the generalization limit must be 1 to {EventCodes.Levels}."
        : Recoding is not ("global" or "local") ? "recoding must be 'global' or 'local'."
        : TableGate is not ("suppression" or "dp") ? "the table gate must be 'suppression' or 'dp'."
        : !(TableEpsilon > 0 && TableEpsilon <= 10) ? "the table ε must be in (0, 10]."
        : MaxSuppressedPersons is < 0 or > 1 || MaxSuppressedEvents is < 0 or > 1 ? "suppression limits are fractions between 0 and 1."
        : null;
}
