using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace OpenChronic.Domain.Privacy.DifferentialPrivacy;

/// <summary>
/// Contribution bounding for persons with many rows (a care pathway): sums each person's rows per cell, clips
/// that sum to [−L∞, L∞], and keeps at most L0 cells per person. Which cells are kept is decided by a keyed hash
/// (HMAC-SHA256 of the person and the cell under a secret key): deterministic for a given key, independent of
/// row order, and not predictable (or steerable) by someone who does not hold the key. The bounding only looks
/// at one person at a time, so it is a stable transformation and the sensitivities in
/// <see cref="ContributionBounds"/> hold for the totals.
/// </summary>
public sealed class ContributionBounder
{
    private readonly byte[] _key;
    private readonly ContributionBounds _bounds;

    /// <summary>Creates a bounder with the selection key (at least 16 bytes) and the bounds.</summary>
    public ContributionBounder(ReadOnlySpan<byte> selectionKey, ContributionBounds bounds)
    {
        if (selectionKey.Length < 16)
        {
            throw new ArgumentException("The selection key needs at least 16 bytes.", nameof(selectionKey));
        }

        _key = selectionKey.ToArray();
        _bounds = bounds;
    }

    /// <summary>Applies the bounds to the rows.</summary>
    public BoundedContributions Bound(IEnumerable<ContributionRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var perPerson = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.PersonId is null || row.CellKey is null)
            {
                throw new ArgumentException("Every row needs a person and a cell.", nameof(rows));
            }

            if (!perPerson.TryGetValue(row.PersonId, out var cells))
            {
                cells = new Dictionary<string, long>(StringComparer.Ordinal);
                perPerson.Add(row.PersonId, cells);
            }

            cells[row.CellKey] = cells.GetValueOrDefault(row.CellKey) + row.Value;
        }

        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        int overLimit = 0;
        long dropped = 0, clipped = 0, removed = 0;
        foreach (var (person, cells) in perPerson)
        {
            IEnumerable<KeyValuePair<string, long>> kept = cells;
            if (cells.Count > _bounds.MaxCellsPerPerson)
            {
                overLimit++;
                var ranked = cells
                    .Select(c => (Cell: c, Rank: SelectionRank(person, c.Key)))
                    .OrderBy(c => c.Rank)
                    .ThenBy(c => c.Cell.Key, StringComparer.Ordinal)
                    .ToList();
                kept = ranked.Take(_bounds.MaxCellsPerPerson).Select(c => c.Cell);
                foreach (var (cell, _) in ranked.Skip(_bounds.MaxCellsPerPerson))
                {
                    dropped++;
                    removed += Math.Abs(cell.Value);
                }
            }

            foreach (var (cell, value) in kept)
            {
                var bounded = Math.Clamp(value, -_bounds.MaxPerCell, _bounds.MaxPerCell);
                if (bounded != value)
                {
                    clipped++;
                    removed += Math.Abs(value - bounded);
                }

                totals[cell] = totals.GetValueOrDefault(cell) + bounded;
            }
        }

        return new BoundedContributions(
            _bounds,
            totals.ToImmutableSortedDictionary(StringComparer.Ordinal),
            perPerson.Count,
            overLimit,
            dropped,
            clipped,
            removed);
    }

    /// <summary>The keyed rank of a person's cell; the L0 cells with the smallest ranks are kept.</summary>
    public ulong SelectionRank(string personId, string cellKey)
    {
        ArgumentNullException.ThrowIfNull(personId);
        ArgumentNullException.ThrowIfNull(cellKey);
        // Length-prefixed so that ("ab", "c") and ("a", "bc") hash differently.
        var person = Encoding.UTF8.GetBytes(personId);
        var cell = Encoding.UTF8.GetBytes(cellKey);
        var message = new byte[8 + person.Length + cell.Length];
        BinaryPrimitives.WriteInt32LittleEndian(message, person.Length);
        person.CopyTo(message, 4);
        BinaryPrimitives.WriteInt32LittleEndian(message.AsSpan(4 + person.Length), cell.Length);
        cell.CopyTo(message, 8 + person.Length);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, message, mac);
        return BinaryPrimitives.ReadUInt64BigEndian(mac);
    }
}
