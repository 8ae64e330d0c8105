using System.Collections.Immutable;

namespace OpenChronic.Domain.Releases;

/// <summary>
/// The record of one release (<c>release.json</c>): what was released (cohort, number, definition, policy), what the
/// anonymization achieved as re-derived from the files by <see cref="ReleaseVerifier"/>, its utility, the hidden
/// cells, the SHA-256 of every other file of the release, and measured re-identification risks (named figures added
/// by risk assessments). No person identifier, key or count below the policy's cell size appears in it.
/// </summary>
public sealed record ReleaseManifest(
    int Format,
    string Cohort,
    int Release,
    DateTimeOffset Created,
    string Definition,
    string DefinitionSha256,
    ReleasePolicy Policy,
    int PublishedRecords,
    int SuppressedRecords,
    ImmutableArray<ReleaseLevel> Generalization,
    ReleaseAchieved Achieved,
    ReleaseUtility Utility,
    ImmutableArray<ReleaseTableInfo> Tables,
    ImmutableArray<ReleaseFile> Files,
    ImmutableArray<MeasuredRisk> MeasuredRisks)
{
    /// <summary>Format version of <c>release.json</c>.</summary>
    public const int CurrentFormat = 1;

    /// <summary>File name of the manifest inside a release directory.</summary>
    public const string FileName = "release.json";

    /// <summary>File name of the microdata table (CSV).</summary>
    public const string MicrodataCsv = "microdata.csv";

    /// <summary>File name of the microdata table (Parquet).</summary>
    public const string MicrodataParquet = "microdata.parquet";
}

/// <summary>The generalization level chosen for a quasi-identifier (0 = original value), and its hierarchy's top level.</summary>
public sealed record ReleaseLevel(string Attribute, string Hierarchy, int Level, int MaxLevel);

/// <summary>
/// Privacy figures re-derived from the released files: smallest class (k), fewest distinct sensitive values and
/// lowest exp(entropy) in a class (l), smallest support of a combination of up to m published codes (k^m).
/// </summary>
public sealed record ReleaseAchieved(int K, int? DistinctL, double? EntropyL, int? KmSupport, int? KmM, int SmallestPublishedCell);

/// <summary>Utility of the microdata: the search's information-loss figures, suppression and code generalization.</summary>
public sealed record ReleaseUtility(
    double Loss,
    double NonUniformEntropy,
    double Discernibility,
    double AverageClassSize,
    double? Precision,
    double SuppressionRate,
    int Classes,
    double? PathwayInformationLoss,
    int? SuppressedCodeOccurrences);

/// <summary>An aggregate table of the release: its file, size, cell-size threshold and hidden cells by reason.</summary>
public sealed record ReleaseTableInfo(string Name, string File, int Rows, int Columns, int Threshold, int PrimaryHidden, int ComplementaryHidden, int CrossReleaseHidden);

/// <summary>A file of the release with its size and SHA-256 (lower-case hex).</summary>
public sealed record ReleaseFile(string Path, long Bytes, string Sha256);

/// <summary>A named risk figure measured on the release (for instance by an attack simulation), with how it was measured.</summary>
public sealed record MeasuredRisk(string Name, double Value, string Method);
