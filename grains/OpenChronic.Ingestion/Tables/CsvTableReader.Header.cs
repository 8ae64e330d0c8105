using System.Text;
using OpenChronic.Domain.Snds;

namespace OpenChronic.Ingestion.Tables;

/// <summary>Header line reading and delimiter detection.</summary>
internal sealed partial class CsvTableReader
{
    private const int MaxHeaderBytes = 1 << 20;

    /// <summary>The first line of the file (decoded), or a <see cref="SndsFormatException"/> when there is none.</summary>
    private static string ReadHeaderLine(string path)
    {
        var bytes = new byte[MaxHeaderBytes];
        var length = 0;
        try
        {
            using var stream = OpenStream(path);
            int read;
            while (length < bytes.Length && (read = stream.Read(bytes, length, bytes.Length - length)) > 0)
            {
                var newline = bytes.AsSpan(length, read).IndexOf((byte)'\n');
                length += read;
                if (newline >= 0)
                {
                    length = length - read + newline;
                    break;
                }
            }
        }
        catch (InvalidDataException e)
        {
            throw new SndsFormatException(path, $"not a readable gzip file: {e.Message}", e);
        }

        var line = Encoding.UTF8.GetString(bytes, 0, length).TrimStart('\uFEFF').TrimEnd('\r');
        if (string.IsNullOrWhiteSpace(line))
        {
            throw new SndsFormatException(path, "empty file, no header");
        }

        return line;
    }

    /// <summary><c>;</c> or <c>,</c>: whichever splits the header into more catalogue column names.</summary>
    private static char DetectDelimiter(string path, string header, SndsTable table)
    {
        var best = '\0';
        var bestCount = 0;
        foreach (var candidate in (ReadOnlySpan<char>)[';', ','])
        {
            var count = header.Split(candidate).Count(name => table.IndexOf(name.Trim().Trim('"')) >= 0);
            if (count > bestCount)
            {
                best = candidate;
                bestCount = count;
            }
        }

        if (bestCount == 0)
        {
            throw new SndsFormatException(path,
                $"no column of {table.Name} found in the header with the delimiters tried (';' and ','); is the file delimited otherwise (tab?) or of another table? (header: '{Shorten(header)}')");
        }

        return best;
    }
}
