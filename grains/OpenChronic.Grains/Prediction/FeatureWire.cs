using OpenChronic.Analytics.Prediction;
using OpenChronic.Analytics.Prediction.Features;

namespace OpenChronic.Grains.Prediction;

/// <summary>Maps feature blocks and tasks between the analytics types and their wire records.</summary>
public static class FeatureWire
{
    public static FeatureBlockMessage ToMessage(FeatureBlock block, int[] attrition)
    {
        ArgumentNullException.ThrowIfNull(block);
        return new(block.Names, block.RowStarts, block.Columns, block.Values, block.Labels, block.Reference, block.Sequences,
            block.Months, block.Channels, attrition, block.Oracle);
    }

    public static FeatureBlock ToBlock(FeatureBlockMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new(message.Names, message.RowStarts, message.Columns, message.Values, message.Labels, message.Reference,
            message.Sequences, message.Months, message.Channels, message.Oracle);
    }

    public static FeatureRequest ToRequest(PredictionTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new(task.Target.Number, task.IndexYear, task.HorizonDays, task.LookbackDays, task.MinimumAge);
    }

    public static PredictionTask ToTask(FeatureRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var task = new PredictionTask(new AldTarget(request.Target), request.IndexYear, request.HorizonDays, request.LookbackDays, request.MinimumAge);
        task.Validate();
        return task;
    }

    /// <summary>Merges blocks over the union of their columns (sorted) and adds their attritions.</summary>
    public static FeatureBlockMessage Merge(IReadOnlyList<FeatureBlockMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        FeatureBlock?[] blocks = [.. messages.Select(ToBlock)];
        var names = blocks.SelectMany(b => b!.Names).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var attrition = new int[TaskEligibility.OutcomeCount];
        foreach (var m in messages)
        {
            for (var i = 0; i < Math.Min(attrition.Length, m.Attrition.Length); i++)
            {
                attrition[i] += m.Attrition[i];
            }
        }

        var merged = blocks.Length == 0
            ? FeatureBlock.Empty(SequenceChannels.Months, SequenceChannels.Count)
            : FeatureBlock.Stack(blocks, names, release: true);
        return ToMessage(merged, attrition);
    }
}
