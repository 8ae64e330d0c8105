using System.Text.RegularExpressions;

namespace OpenChronic.Domain.Releases.EventLevel;

/// <summary>
/// Scans every file of a release for identifiers: SNDS identifier column names (BEN_IDT_ANO, BEN_NIR_PSA, NIR,
/// PFS_EXE_NUM, ETA_NUM, FINESS, patient_id) anywhere, runs of eight or more digits (NIR, FINESS, CIP13, professional
/// numbers) in CSV cells outside the person-pseudonym column and in JSON strings (not numbers, hashes or the date), and any cell equal to one of the known strings given (for instance the
/// database's patient keys or the release secret). Returns one located finding per hit; empty when clean.
/// </summary>
public static partial class IdentifierScan
{
    private static readonly string[] s_names = ["BEN_IDT_ANO", "BEN_NIR", "NIR_ANO", "PFS_EXE_NUM", "PRS_NAT_REF_PS", "ETA_NUM", "FINESS", "patient_id"];

    private static readonly char[] s_separators = [',', ' ', '"', ':', '{', '}', '[', ']'];

    public static IReadOnlyList<string> Scan(string directory, IReadOnlySet<string> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        var findings = new List<string>();
        foreach (var path in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (!name.EndsWith(".csv", StringComparison.Ordinal) && !name.EndsWith(".json", StringComparison.Ordinal))
            {
                continue; // binary copies (Parquet) hold the CSV's cells, which are scanned
            }

            var lineNumber = 0;
            foreach (var line in File.ReadLines(path))
            {
                lineNumber++;
                foreach (var identifier in s_names.Where(n => line.Contains(n, StringComparison.OrdinalIgnoreCase)))
                {
                    findings.Add($"{name} line {lineNumber}: identifier name {identifier}.");
                }

                if (known.Count > 0 && line.Split(s_separators, StringSplitOptions.RemoveEmptyEntries).Any(known.Contains))
                {
                    findings.Add($"{name} line {lineNumber}: a known identifier (database key or secret).");
                }

                // the first CSV cell is the 32-hex person pseudonym, where digit runs are expected
                var scanned = name.EndsWith(".csv", StringComparison.Ordinal) ? line[(line.IndexOf(',', StringComparison.Ordinal) + 1)..] : line;
                if (name.EndsWith(".json", StringComparison.Ordinal))
                {
                    // JSON numbers are figures; identifiers would be strings (hashes and the date excepted)
                    scanned = string.Join(' ', QuotedString().Matches(ShaField().Replace(line, "")).Select(m => m.Value));
                }

                if (LongDigits().IsMatch(scanned))
                {
                    findings.Add($"{name} line {lineNumber}: a run of eight or more digits.");
                }
            }
        }

        return findings;
    }

    [GeneratedRegex("[0-9]{8,}")]
    private static partial Regex LongDigits();

    [GeneratedRegex("\"[^\"]*\"")]
    private static partial Regex QuotedString();

    [GeneratedRegex("\"(sha256|created)\": \"[^\"]*\"")]
    private static partial Regex ShaField();
}
