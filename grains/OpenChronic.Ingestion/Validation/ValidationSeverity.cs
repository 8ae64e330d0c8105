namespace OpenChronic.Ingestion.Validation;

/// <summary>How bad a validation problem is for ingestion.</summary>
public enum ValidationSeverity
{
    /// <summary>Rows or values are suspect, but the extract can still be ingested.</summary>
    Warning,

    /// <summary>The extract cannot be ingested at all until this is fixed.</summary>
    Error,
}
