namespace OpenChronic.Ingestion.Validation;

/// <summary>Progress of a validation run, reported after each batch and at the end of each file.</summary>
/// <param name="FileIndex">0-based index of the file being read.</param>
/// <param name="FileCount">Number of table files to read.</param>
/// <param name="File">The file, relative to the extract folder.</param>
/// <param name="Table">Its table (with the year for PMSI).</param>
/// <param name="RowsRead">Rows read so far in this file.</param>
/// <param name="FileDone">True once the file is finished.</param>
public readonly record struct ValidationProgress(int FileIndex, int FileCount, string File, string Table, long RowsRead, bool FileDone);
