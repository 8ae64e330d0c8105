using OpenChronic.Domain.Snds;
using OpenChronic.Ingestion.Tables;

namespace OpenChronic.Ingestion.Build;

/// <summary>Drops the value of a rejected row when its column is a person identifier.</summary>
internal static class Masking
{
    public static RejectedRow Mask(RejectedRow row) =>
        row.Column is { } c && SndsCatalogue.PersonIdentifiers.Contains(c) ? row with { Value = null } : row;
}
