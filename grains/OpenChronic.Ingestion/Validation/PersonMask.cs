using System.Collections.Frozen;
using OpenChronic.Domain.Snds;

namespace OpenChronic.Ingestion.Validation;

/// <summary>
/// The privacy rule of validation reports: values of person identifier columns never appear in them.
/// Masked columns are <see cref="SndsCatalogue.PersonIdentifiers"/> plus the other pseudonymised NIRs and
/// identifiers of the catalogue (the insured's NIR, the mother's NIR, the encrypted death identifier).
/// </summary>
public static class PersonMask
{
    /// <summary>What a person identifier is replaced with.</summary>
    public const string Mask = "<person id>";

    private static readonly FrozenSet<string> s_columns = SndsCatalogue.PersonIdentifiers
        .Concat(["ASS_NIR_ANO", "NIR_ANO_MAM", "DCD_IDT_ENC"])
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when values of <paramref name="column"/> must be masked.</summary>
    public static bool IsPersonColumn(string? column) => column is not null && s_columns.Contains(column);

    /// <summary>True when <paramref name="table"/> has at least one column to mask.</summary>
    public static bool HasPersonColumn(SndsTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.Columns.Any(c => IsPersonColumn(c.Name));
    }

    /// <summary>The value as a report may show it: masked when it belongs to a person identifier column.</summary>
    public static string? Show(string? column, string? value) =>
        value is null ? null : IsPersonColumn(column) ? Mask : value;
}
