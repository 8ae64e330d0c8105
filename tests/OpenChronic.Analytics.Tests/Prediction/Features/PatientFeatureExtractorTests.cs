using OpenChronic.Analytics.Prediction;
using OpenChronic.Analytics.Prediction.Features;
using OpenChronic.Domain.Pathways;

namespace OpenChronic.Analytics.Tests.Prediction.Features;

public sealed class PatientFeatureExtractorTests
{
    private static readonly PredictionTask s_task = new(new AldTarget(8), 2020);
    private static readonly int s_index = new DateOnly(2020, 1, 1).DayNumber;
    private static readonly FeatureProfile s_woman1960 = new(2, 1960, "075", null);

    private static CareEvent Event(int daysBefore, CareEventKind kind, string code, short specialty = 0, CareEventTraits traits = CareEventTraits.None, float value = 1) =>
        new(s_index - daysBefore, s_index - daysBefore, kind, traits, specialty, PackedCode.Pack(code), 0, value);

    private static CareEvent Ald(int daysAfter, int number) =>
        new(s_index + daysAfter, DateOnly.MaxValue.DayNumber, CareEventKind.AldRegistration, CareEventTraits.None, 0, PackedCode.Pack("E11"), 0, number);

    private static (TaskOutcome Outcome, Dictionary<string, float> Features, FeatureBlock Block) Extract(CareEvent[] events, FeatureProfile? profile = null,
        PredictionTask? task = null, string[]? conditions = null)
    {
        Array.Sort(events);
        var builder = new FeatureBlockBuilder(SequenceChannels.Months, SequenceChannels.Count);
        var outcome = new PatientFeatureExtractor().TryAdd(builder, task ?? s_task, events, profile ?? s_woman1960, conditions ?? [], 0.25f);
        var block = builder.Build();
        var features = new Dictionary<string, float>();
        if (block.Rows == 1)
        {
            for (var k = block.RowStarts[0]; k < block.RowStarts[1]; k++)
            {
                features[block.Names[block.Columns[k]]] = block.Values[k];
            }
        }

        return (outcome, features, block);
    }

    [Fact]
    public void TryAdd_HandMadeTimeline_CountsEventsPerWindow()
    {
        var (outcome, f, block) = Extract(
        [
            Event(10, CareEventKind.Dispensation, "A10BA02"),
            Event(40, CareEventKind.Dispensation, "A10BA02"),
            Event(100, CareEventKind.Consultation, "1110", specialty: 1),
            Event(200, CareEventKind.Biology, "1577"),
            Event(20, CareEventKind.HospitalStay, "05K101"),
            Event(20, CareEventKind.Diagnosis, "I480", traits: CareEventTraits.Principal),
            Event(400, CareEventKind.Dispensation, "C07AB02"),
            Ald(30, 8),
        ], conditions: ["diabetes"]);

        Assert.Equal(TaskOutcome.Positive, outcome);
        Assert.True(block.Labels[0]);
        Assert.Equal(0.25f, block.Reference[0]);
        Assert.Equal(0.59f, f["age"], 3);
        Assert.Equal(1f, f["ageband:50"]);
        Assert.Equal(1f, f["sex:2"]);
        Assert.Equal(1f, f["dep:075"]);
        Assert.Equal(1f, f["cond:diabetes"]);
        Assert.Equal(MathF.Log(3), f["atc3:A10B@365"], 5);
        Assert.Equal(MathF.Log(3), f["atc4:A10BA@180"], 5);
        Assert.Equal(MathF.Log(2), f["atc3:A10B@30"], 5);
        Assert.Equal(MathF.Log(2), f["spe:1@180"], 5);
        Assert.False(f.ContainsKey("spe:1@30"));
        Assert.Equal(MathF.Log(2), f["nabm:1577@365"], 5);
        Assert.Equal(MathF.Log(2), f["nabmfamily:15@365"], 5);
        Assert.False(f.ContainsKey("nabm:1577@180"));
        Assert.Equal(MathF.Log(2), f["staychapter:9@30"], 5);
        Assert.Equal(MathF.Log(2), f["icd3:I48@30"], 5);
        Assert.Equal(MathF.Log(2), f["stays@30"], 5);
        Assert.Equal(MathF.Log(7), f["events@365"], 5);
        Assert.False(f.ContainsKey("atc3:C07A@365"));
        Assert.Equal(10f / 365, f["recency:Death"], 5);
        Assert.Equal(100f / 365, f["recency:Consultation"], 5);
    }

    [Fact]
    public void TryAdd_IsolatedTestsAndFirstSeen_CountedApartFromPanels()
    {
        var (_, f, _) = Extract(
        [
            Event(300, CareEventKind.Biology, "552"),
            Event(300, CareEventKind.Consultation, "1110", specialty: 1),
            Event(120, CareEventKind.Biology, "552"),
            Event(120, CareEventKind.Biology, "1104"),
            Event(20, CareEventKind.Biology, "552"),
            Event(200, CareEventKind.Dispensation, "A10BA02"),
            Event(50, CareEventKind.Dispensation, "A10BA02"),
        ]);

        Assert.Equal(MathF.Log(4), f["nabm:552@365"], 5);
        Assert.Equal(MathF.Log(3), f["nabmalone:552@365"], 5);
        Assert.Equal(MathF.Log(2), f["nabmalone:552@30"], 5);
        Assert.Equal(MathF.Log(2), f["nabmalone:552@180"], 5);
        Assert.False(f.ContainsKey("nabmalone:1104@365"));
        Assert.Equal(300f / 365, f["firstnabm:552"], 5);
        Assert.Equal(300f / 365, f["firstnabmalone:552"], 5);
        Assert.Equal(120f / 365, f["firstnabm:1104"], 5);
        Assert.False(f.ContainsKey("firstnabmalone:1104"));
        Assert.Equal(200f / 365, f["firstatc4:A10BA"], 5);
    }

    [Fact]
    public void TryAdd_IsolatedTest_HasItsOwnMonthlyChannel()
    {
        var (_, _, block) = Extract(
        [
            Event(20, CareEventKind.Biology, "552"),
            Event(120, CareEventKind.Biology, "552"),
            Event(120, CareEventKind.Biology, "1104"),
        ]);

        // Day 20 before index is in month 11 (alone that day); day 120 in month 8 (a panel of two tests).
        var sequence = block.Sequence(0);
        Assert.Equal(MathF.Log(2), sequence[(11 * SequenceChannels.Count) + SequenceChannels.IsolatedTest], 5);
        Assert.Equal(MathF.Log(2), sequence[(11 * SequenceChannels.Count) + SequenceChannels.Biology], 5);
        Assert.Equal(0f, sequence[(8 * SequenceChannels.Count) + SequenceChannels.IsolatedTest]);
        Assert.Equal(MathF.Log(3), sequence[(8 * SequenceChannels.Count) + SequenceChannels.Biology], 5);
    }

    [Fact]
    public void TryAdd_HandMadeTimeline_FillsMonthlySequence()
    {
        var (_, _, block) = Extract([Event(10, CareEventKind.Dispensation, "A10BA02"), Event(360, CareEventKind.Consultation, "1110", specialty: 1)]);

        var sequence = block.Sequence(0);
        Assert.Equal(MathF.Log(2), sequence[(11 * SequenceChannels.Count) + SequenceChannels.Dispensation], 5);
        Assert.Equal(MathF.Log(2), sequence[(11 * SequenceChannels.Count) + SequenceChannels.FirstAtc], 5);
        Assert.Equal(MathF.Log(2), sequence[SequenceChannels.Gp], 5);
        Assert.Equal(3 * MathF.Log(2), sequence.ToArray().Sum(), 5);
    }

    [Fact]
    public void TryAdd_OtherAldActive_IsFeatureAndTargetAfterHorizonIsNegative()
    {
        var (outcome, f, block) = Extract([Ald(-500, 30), Ald(400, 8)]);

        Assert.Equal(TaskOutcome.Negative, outcome);
        Assert.False(block.Labels[0]);
        Assert.Equal(1f, f["ald:30"]);
    }

    [Fact]
    public void TryAdd_EventsAfterIndex_AreNotFeatures()
    {
        var (_, f, _) = Extract([Event(-5, CareEventKind.Dispensation, "A10BA02")]);

        Assert.False(f.ContainsKey("atc3:A10B@365"));
        Assert.Equal(1f, f["recency:Death"]);
    }

    [Theory]
    [InlineData(-10, TaskOutcome.PriorOutcome)]
    [InlineData(364, TaskOutcome.Positive)]
    [InlineData(365, TaskOutcome.Negative)]
    public void Evaluate_TargetRegistration_DependsOnDate(int daysAfter, TaskOutcome expected) =>
        Assert.Equal(expected, Extract([Ald(daysAfter, 8)]).Outcome);

    [Fact]
    public void Evaluate_Exclusions_AreReported()
    {
        Assert.Equal(TaskOutcome.NotObserved, TaskEligibility.Evaluate(s_task, [], null));
        Assert.Equal(TaskOutcome.TooYoung, TaskEligibility.Evaluate(s_task, [], s_woman1960 with { BirthYear = 2005 }));
        Assert.Equal(TaskOutcome.DeadAtIndex, TaskEligibility.Evaluate(s_task, [], s_woman1960 with { DeathDay = s_index - 1 }));
        Assert.Equal(TaskOutcome.DiedWithoutOutcome, TaskEligibility.Evaluate(s_task, [], s_woman1960 with { DeathDay = s_index + 100 }));
        Assert.Equal(TaskOutcome.Positive, TaskEligibility.Evaluate(s_task with { Target = AldTarget.Any }, [Ald(50, 30)], s_woman1960));
    }

    [Fact]
    public void Stack_OntoVocabulary_DropsUnknownColumnsAndKeepsRows()
    {
        var a = Extract([Event(10, CareEventKind.Dispensation, "A10BA02")]).Block;
        var b = Extract([Event(10, CareEventKind.Dispensation, "C07AB02")], s_woman1960 with { Sex = 1 }).Block;

        var stacked = FeatureBlock.Stack([a, b], ["atc3:A10B@365", "sex:1", "sex:2"]);

        Assert.Equal(2, stacked.Rows);
        Assert.Equal(3, stacked.ColumnCount);
        var row = new float[3];
        stacked.CopyRow(0, row);
        Assert.Equal([MathF.Log(2), 0f, 1f], row);
        stacked.CopyRow(1, row);
        Assert.Equal([0f, 1f, 0f], row);
        Assert.Equal(["sex:2"], FeatureBlock.FrequentNames([a, a], 2).Where(n => n.StartsWith("sex", StringComparison.Ordinal)));
    }

    [Fact]
    public void Stack_Release_ClearsSlotsAndGivesTheSameBlock()
    {
        var a = Extract([Event(10, CareEventKind.Dispensation, "A10BA02")]).Block;
        var b = Extract([Event(10, CareEventKind.Dispensation, "C07AB02")], s_woman1960 with { Sex = 1 }).Block;
        string[] names = ["atc3:A10B@365", "atc3:C07A@365", "sex:1", "sex:2"];
        FeatureBlock?[] slots = [a, b];

        var kept = FeatureBlock.Stack([a, b], names);
        var released = FeatureBlock.Stack(slots, names, release: true);

        Assert.All(slots, s => Assert.Null(s));
        Assert.Equal(kept.RowStarts, released.RowStarts);
        Assert.Equal(kept.Columns, released.Columns);
        Assert.Equal(kept.Values, released.Values);
        Assert.Equal(kept.Sequences, released.Sequences);
        Assert.Equal(kept.Values, kept.Subset([0, 1]).Values);
        Assert.Equal(b.Sequences, kept.Subset([1]).Sequences);
        Assert.Contains("sex:1", FeatureBlock.FrequentNames([a, b], 5, "sex:"));
    }

    [Theory]
    [InlineData("E11", 4)]
    [InlineData("D50", 3)]
    [InlineData("D48", 2)]
    [InlineData("I480", 9)]
    [InlineData("H60", 8)]
    [InlineData("Z511", 21)]
    [InlineData("1A", 0)]
    public void Icd10Chapter_Of_MapsCategory(string code, int chapter) => Assert.Equal(chapter, Icd10Chapter.Of(code));
}
