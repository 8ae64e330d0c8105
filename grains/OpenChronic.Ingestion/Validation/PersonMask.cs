using System.Collections.Frozen;
using System.Text.RegularExpressions;
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

    // A long letter-and-digit token with a digit in it: what a pseudonymised NIR looks like in a message.
    private static readonly Regex s_identifierLike = new(
        @"(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]*\p{N})[\p{L}\p{N}]{13,}(?![\p{L}\p{N}])",
        RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

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

    /// <summary>
    /// A reader's message made safe to print: the file path prefix removed, and every token of 13 or more
    /// letters and digits with a digit in it (what an identifier looks like; a row quoted by a parser may
    /// carry one) replaced by <see cref="Mask"/>.
    /// </summary>
    public static string Scrub(string message, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (path is not null && message.StartsWith(path + ": ", StringComparison.Ordinal))
        {
            message = message[(path.Length + 2)..];
        }

        return s_identifierLike.Replace(message, Mask);
    }
}
