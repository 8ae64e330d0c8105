using System.Globalization;
using OpenChronic.Domain.Snds;
using OpenChronic.Ingestion.Tables;
using OpenChronic.Ingestion.Validation;

namespace OpenChronic.Synthetic.Tests;

/// <summary>
/// The generator's tables pass <c>openchronic validate</c>: a clean extract has no problem at all, and in an
/// extract with malformed rows the validator finds every recorded defect, at its row, and nothing else.
/// </summary>
public sealed class ValidationTests(ValidationFixture extracts) : IClassFixture<ValidationFixture>
{
    private static readonly string s_keys = string.Join('+', SndsCatalogue.DcirKeys);

    /// <summary>
    /// The validator's problem (kind, column) for each defect kind of <c>truth/defects</c>, in the defect's
    /// table; null for the real-data defects, which are well-formed values the schema allows (information
    /// lines, regularisations, public-hospital lines, error GHMs, quality flags, NIR changes, twins):
    /// analyses filter them, validation must not report them.
    /// </summary>
    private static readonly Dictionary<string, (ValidationProblemKind Kind, string Column)?> s_problemOf = new(StringComparer.Ordinal)
    {
        ["unknown_code"] = (ValidationProblemKind.UnknownCode, "PRS_NAT_REF"),
        ["out_of_range"] = (ValidationProblemKind.DatesOutOfOrder, "EXE_SOI_DTD>FLX_DIS_DTD"),
        ["orphan_detail"] = (ValidationProblemKind.OrphanRow, s_keys),
        ["orphaned_by_rejected_line"] = (ValidationProblemKind.OrphanRow, s_keys),
        ["duplicate_key"] = (ValidationProblemKind.DuplicateKey, s_keys),
        ["unparsable_date"] = (ValidationProblemKind.RejectedRow, "EXE_SOI_DTD"),
        ["information_line"] = null,
        ["regularisation"] = null,
        ["public_hospital_duplicate"] = null,
        ["error_ghm"] = null,
        ["quality_flag"] = null,
        ["second_nir"] = null,
        ["twin"] = null,
    };

    [Fact]
    public void Validate_CleanParquetExtract_NoProblem() => AssertNoProblem(extracts.CleanParquet);

    [Fact]
    public void Validate_CleanCsvExtract_NoProblem() => AssertNoProblem(extracts.CleanCsv);

    [Fact]
    public void Validate_ParquetWithDefects_FindsEveryDefectAndNothingElse() => AssertFindsDefects(extracts.DefectsParquet);

    [Fact]
    public void Validate_CsvWithDefects_FindsEveryDefectAndNothingElse() => AssertFindsDefects(extracts.DefectsCsv);

    private static void AssertNoProblem(GeneratedExtract extract)
    {
        Assert.NotEmpty(Defects(extract)); // the real-data defects are there, and well-formed
        Assert.True(extract.Report.Problems.Count == 0, Describe(extract.Report.Problems));
        Assert.Empty(extract.Report.UnrecognisedFiles);
    }

    private static void AssertFindsDefects(GeneratedExtract extract)
    {
        var defects = Defects(extract);
        Assert.All(defects, d => Assert.True(s_problemOf.ContainsKey(d.Kind), $"defect kind {d.Kind} has no mapping"));
        var injected = defects.Where(d => s_problemOf[d.Kind] is not null)
            .GroupBy(d => (s_problemOf[d.Kind]!.Value.Kind, d.Table, s_problemOf[d.Kind]!.Value.Column))
            .ToDictionary(g => g.Key, g => (long)g.Count());
        var found = extract.Report.Problems.ToDictionary(p => (p.Kind, p.Table, p.Column ?? ""), p => p.Count);

        Assert.Contains(injected.Keys, k => k.Kind == ValidationProblemKind.DuplicateKey);
        Assert.Equal(extract.Format == SndsFileFormat.Csv, injected.Keys.Any(k => k.Kind == ValidationProblemKind.RejectedRow));
        Assert.Equal(injected.OrderBy(k => k.Key.ToString(), StringComparer.Ordinal),
            found.OrderBy(k => k.Key.ToString(), StringComparer.Ordinal));

        // The examples point at recorded defects of the matching kind.
        var recorded = defects.Where(d => s_problemOf[d.Kind] is not null)
            .Select(d => (d.File, d.Row, s_problemOf[d.Kind]!.Value.Kind)).ToHashSet();
        Assert.All(extract.Report.Problems.SelectMany(p => p.Examples.Select(e => (e.File ?? "", e.Row, p.Kind))),
            e => Assert.Contains(e, recorded));
    }

    private static List<(string Table, string File, long Row, string Kind)> Defects(GeneratedExtract extract)
    {
        if (extract.Format == SndsFileFormat.Parquet)
        {
            return [.. Extract.Truth(extract.Directory, "defects")
                .Select(d => (d.Str("table")!, d.Str("file")!, d.Long("row")!.Value, d.Str("kind")!))];
        }

        return [.. File.ReadLines(Path.Combine(extract.Directory, "truth", "defects.csv")).Skip(1)
            .Select(l => l.Split(';'))
            .Select(v => (v[0], v[1], long.Parse(v[2], CultureInfo.InvariantCulture), v[4]))];
    }

    private static string Describe(IEnumerable<ValidationProblem> problems) => string.Join(Environment.NewLine,
        problems.Select(p => $"{p.Kind} {p.Table}.{p.Column} ×{p.Count}: {(p.Examples.Count > 0 ? p.Examples[0] : null)}"));
}
