using System.Globalization;
using OpenChronic.Analytics.Prediction.Features;
using OpenChronic.Analytics.Prediction.Metrics;
using OpenChronic.Analytics.Prediction.Models;

namespace OpenChronic.Analytics.ReleaseUtility;

/// <summary>
/// ALD prediction on the released format: the project's penalised logistic regression
/// (<see cref="Learners.LogisticRegression"/>, one fixed setting) is trained twice on the same 70 % of the persons
/// (seeded split) — on features from their original items in the released format and on features from their released
/// items — and each model is evaluated on the other 30 % (their own kind of features) against the same original
/// outcomes. Features: presence of each code (periods ignored: the reference date itself is the ALD entry for ALD
/// patients, so periods would leak the outcome), sex and age band; ALD and death items are excluded. Outcome: an ALD
/// registration when the scope mixes persons with and without one, else registration for the scope's most common
/// ALD number.
/// </summary>
public static class PredictionUtility
{
    /// <summary>The AUC on original-format features, on released features, their difference and the outcome used.</summary>
    public static (double Original, double Released, string Outcome) Compare(IReadOnlyList<UtilityPerson> persons, int seed)
    {
        ArgumentNullException.ThrowIfNull(persons);
        var (labels, test, outcome) = Setup(persons, seed);
        return test is null
            ? (double.NaN, double.NaN, outcome)
            : (Auc(persons, labels, test, p => p.Original, seed), Auc(persons, labels, test, p => p.Released, seed), outcome);
    }

    /// <summary>
    /// For each code system of the items (<c>atc</c>, <c>icd</c>, <c>spe</c>…): the AUC on released items with that
    /// system's items replaced by the original ones — how much of the AUC loss that system's protection costs.
    /// </summary>
    public static IReadOnlyList<(string System, double Auc)> Restored(IReadOnlyList<UtilityPerson> persons, int seed)
    {
        ArgumentNullException.ThrowIfNull(persons);
        var (labels, test, _) = Setup(persons, seed);
        var systems = persons.SelectMany(p => p.Original.Select(i => SystemOf(i.Code))).Where(s => s is not ("ald" or "death")).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return [.. systems.Select(system => (system, test is null ? double.NaN : Auc(persons, labels, test,
            p => [.. p.Released.Where(i => SystemOf(i.Code) != system), .. p.Original.Where(i => SystemOf(i.Code) == system)], seed)))];
    }

    private static string SystemOf(string code) => code.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0 ? code[..colon] : code;

    // the outcome labels, the 30 % test mask (null when one class only) and the outcome's description
    private static (bool[] Labels, bool[]? Test, string Outcome) Setup(IReadOnlyList<UtilityPerson> persons, int seed)
    {
        var withAld = persons.Count(p => p.AldNumbers.Length > 0);
        bool[] labels;
        string outcome;
        if (withAld > 0 && withAld < persons.Count)
        {
            labels = [.. persons.Select(p => p.AldNumbers.Length > 0)];
            outcome = "registered for an ALD";
        }
        else
        {
            var top = persons.SelectMany(p => p.AldNumbers.Distinct()).GroupBy(n => n).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstOrDefault();
            labels = [.. persons.Select(p => p.AldNumbers.Contains(top))];
            outcome = "registered for ALD " + top.ToString(CultureInfo.InvariantCulture);
        }

        var random = new Random(seed);
        var test = new bool[persons.Count];
        for (var i = 0; i < test.Length; i++)
        {
            test[i] = random.NextDouble() < 0.3;
        }

        var positivesTrain = Enumerable.Range(0, labels.Length).Count(i => !test[i] && labels[i]);
        var positivesTest = Enumerable.Range(0, labels.Length).Count(i => test[i] && labels[i]);
        return positivesTrain == 0 || positivesTest == 0 || positivesTrain == test.Count(t => !t) || positivesTest == test.Count(t => t)
            ? (labels, null, outcome + " (one class only: AUC not computable)")
            : (labels, test, outcome);
    }

    private static double Auc(IReadOnlyList<UtilityPerson> persons, bool[] labels, bool[] test, Func<UtilityPerson, IReadOnlyList<(string Code, string Period)>> items, int seed)
    {
        var names = new List<string> { "sex_female" };
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var bands = persons.Select(p => p.AgeBand).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (var band in bands)
        {
            columns["age:" + band] = names.Count;
            names.Add("age:" + band);
        }

        foreach (var code in persons.SelectMany(p => items(p).Select(i => i.Code)).Where(Usable).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            columns[code] = names.Count;
            names.Add(code);
        }

        FeatureBlock Block(bool held)
        {
            var starts = new List<int> { 0 };
            var cols = new List<int>();
            var rowLabels = new List<bool>();
            for (var i = 0; i < persons.Count; i++)
            {
                if (test[i] != held)
                {
                    continue;
                }

                var row = new SortedSet<int>();
                if (persons[i].Sex == "F")
                {
                    row.Add(0);
                }

                row.Add(columns["age:" + persons[i].AgeBand]);
                foreach (var (code, _) in items(persons[i]))
                {
                    if (Usable(code))
                    {
                        row.Add(columns[code]);
                    }
                }

                cols.AddRange(row);
                starts.Add(cols.Count);
                rowLabels.Add(labels[i]);
            }

            var values = Enumerable.Repeat(1f, cols.Count).ToArray();
            var reference = Enumerable.Repeat(float.NaN, rowLabels.Count).ToArray();
            return new FeatureBlock([.. names], [.. starts], [.. cols], values, [.. rowLabels], reference, [], 0, 0);
        }

        var learner = Learners.LogisticRegression();
        var model = learner.Train(Block(false), 2, seed);
        var heldOut = Block(true);
        return Discrimination.Auroc(model.Predict(heldOut), heldOut.Labels).Auc;
    }

    private static bool Usable(string code) => !code.StartsWith("ald:", StringComparison.Ordinal) && code != "death";
}
