namespace OpenChronic.Grains;

/// <summary>Coordination measures of one patient, computed from its resident timeline.</summary>
[Alias("OpenChronic.IPatientCoordination")]
public interface IPatientCoordination : IGrainWithGuidKey
{
    /// <summary>Continuity indices of the year, index stays discharged in the year and providers of the year (pseudonymous keys).</summary>
    [Alias("GetCoordination")]
    ValueTask<PatientCoordination> GetCoordinationAsync(CoordinationQuery query);
}
