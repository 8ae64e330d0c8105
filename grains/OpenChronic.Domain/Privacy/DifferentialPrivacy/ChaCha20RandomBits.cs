using System.Buffers.Binary;

namespace OpenChronic.Domain.Privacy.DifferentialPrivacy;

/// <summary>
/// A cryptographically strong deterministic bit generator: the ChaCha20 keystream (RFC 8439 block function,
/// 20 rounds) read as little-endian 64-bit words. The key is the secret of a release; the same key and nonce
/// always give the same stream, so noise is reproducible by whoever holds the key and unpredictable otherwise.
/// After 2^32 blocks the counter carries into the first nonce word (the original 64-bit-counter ChaCha layout).
/// </summary>
public sealed class ChaCha20RandomBits : IRandomBits
{
    private const int WordsPerBlock = 16;
    private readonly uint[] _input = new uint[WordsPerBlock];
    private readonly uint[] _block = new uint[WordsPerBlock];
    private int _nextWord = WordsPerBlock;

    /// <summary>Creates the generator from a 32-byte key, a 12-byte nonce and the first block counter.</summary>
    public ChaCha20RandomBits(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, uint initialCounter = 0)
    {
        if (key.Length != 32)
        {
            throw new ArgumentException("A ChaCha20 key has 32 bytes.", nameof(key));
        }

        if (nonce.Length != 12)
        {
            throw new ArgumentException("A ChaCha20 nonce has 12 bytes.", nameof(nonce));
        }

        // "expand 32-byte k"
        _input[0] = 0x61707865;
        _input[1] = 0x3320646e;
        _input[2] = 0x79622d32;
        _input[3] = 0x6b206574;
        for (var i = 0; i < 8; i++)
        {
            _input[4 + i] = BinaryPrimitives.ReadUInt32LittleEndian(key.Slice(4 * i, 4));
        }

        _input[12] = initialCounter;
        for (var i = 0; i < 3; i++)
        {
            _input[13 + i] = BinaryPrimitives.ReadUInt32LittleEndian(nonce.Slice(4 * i, 4));
        }
    }

    /// <summary>
    /// Creates a generator from a 64-bit seed and a stream number (for tests and simulations; production
    /// releases should use a secret 32-byte key). The seed fills the first 8 key bytes, the stream the nonce.
    /// </summary>
    public static ChaCha20RandomBits FromSeed(ulong seed, ulong stream = 0)
    {
        Span<byte> key = stackalloc byte[32];
        key.Clear();
        BinaryPrimitives.WriteUInt64LittleEndian(key, seed);
        Span<byte> nonce = stackalloc byte[12];
        nonce.Clear();
        BinaryPrimitives.WriteUInt64LittleEndian(nonce[4..], stream);
        return new ChaCha20RandomBits(key, nonce);
    }

    /// <summary>Writes the next bytes of the keystream, in RFC 8439 serialization order.</summary>
    public void NextBytes(Span<byte> destination)
    {
        var written = 0;
        Span<byte> word = stackalloc byte[4];
        while (written < destination.Length)
        {
            if (_nextWord == WordsPerBlock)
            {
                Refill();
            }

            BinaryPrimitives.WriteUInt32LittleEndian(word, _block[_nextWord++]);
            var take = Math.Min(4, destination.Length - written);
            word[..take].CopyTo(destination[written..]);
            written += take;
        }
    }

    /// <inheritdoc />
    public ulong NextUInt64()
    {
        if (_nextWord > WordsPerBlock - 2)
        {
            Refill();
        }

        ulong low = _block[_nextWord];
        ulong high = _block[_nextWord + 1];
        _nextWord += 2;
        return low | (high << 32);
    }

    private void Refill()
    {
        Array.Copy(_input, _block, WordsPerBlock);
        for (var round = 0; round < 10; round++)
        {
            QuarterRound(_block, 0, 4, 8, 12);
            QuarterRound(_block, 1, 5, 9, 13);
            QuarterRound(_block, 2, 6, 10, 14);
            QuarterRound(_block, 3, 7, 11, 15);
            QuarterRound(_block, 0, 5, 10, 15);
            QuarterRound(_block, 1, 6, 11, 12);
            QuarterRound(_block, 2, 7, 8, 13);
            QuarterRound(_block, 3, 4, 9, 14);
        }

        unchecked
        {
            for (var i = 0; i < WordsPerBlock; i++)
            {
                _block[i] += _input[i];
            }

            _input[12]++;
            if (_input[12] == 0)
            {
                _input[13]++;
            }
        }

        _nextWord = 0;
    }

    private static void QuarterRound(uint[] x, int a, int b, int c, int d)
    {
        unchecked
        {
            x[a] += x[b];
            x[d] = uint.RotateLeft(x[d] ^ x[a], 16);
            x[c] += x[d];
            x[b] = uint.RotateLeft(x[b] ^ x[c], 12);
            x[a] += x[b];
            x[d] = uint.RotateLeft(x[d] ^ x[a], 8);
            x[c] += x[d];
            x[b] = uint.RotateLeft(x[b] ^ x[c], 7);
        }
    }
}
