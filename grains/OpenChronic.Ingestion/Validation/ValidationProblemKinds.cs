namespace OpenChronic.Ingestion.Validation;

/// <summary>Severity of each <see cref="ValidationProblemKind"/>: errors are what makes ingestion impossible.</summary>
public static class ValidationProblemKinds
{
    public static ValidationSeverity Severity(this ValidationProblemKind kind) => kind switch
    {
        ValidationProblemKind.NoRecognisedTable or ValidationProblemKind.MissingPersonTable or
        ValidationProblemKind.UnreadableFile or ValidationProblemKind.MissingKeyColumn => ValidationSeverity.Error,
        _ => ValidationSeverity.Warning,
    };
}
