namespace OpenChronic.Domain.Privacy.Anonymity;

/// <summary>A quasi-identifying attribute (e.g. age, commune) and the hierarchy it is generalized along.</summary>
public sealed record QuasiIdentifier(string Name, GeneralizationHierarchy Hierarchy);
