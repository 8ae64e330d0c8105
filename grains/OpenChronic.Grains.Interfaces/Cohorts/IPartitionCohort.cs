namespace OpenChronic.Grains;

/// <summary>Cohort evaluation over one partition's patients.</summary>
[Alias("OpenChronic.IPartitionCohort")]
public interface IPartitionCohort : IGrainWithIntegerKey
{
    /// <summary>Fans a cohort definition out to the partition's patients and merges attrition counts and member rows.</summary>
    [Alias("EvaluateCohort")]
    ValueTask<PartitionCohortResult> EvaluateCohortAsync(CohortQuery query);
}
