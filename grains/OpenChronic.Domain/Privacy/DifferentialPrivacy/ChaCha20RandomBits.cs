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
        // The state lives in locals during the rounds (registers, no bounds checks).
        var input = _input;
        uint x0 = input[0], x1 = input[1], x2 = input[2], x3 = input[3], x4 = input[4], x5 = input[5], x6 = input[6], x7 = input[7];
        uint x8 = input[8], x9 = input[9], x10 = input[10], x11 = input[11], x12 = input[12], x13 = input[13], x14 = input[14], x15 = input[15];
        for (var round = 0; round < 10; round++)
        {
            QuarterRound(ref x0, ref x4, ref x8, ref x12);
            QuarterRound(ref x1, ref x5, ref x9, ref x13);
            QuarterRound(ref x2, ref x6, ref x10, ref x14);
            QuarterRound(ref x3, ref x7, ref x11, ref x15);
            QuarterRound(ref x0, ref x5, ref x10, ref x15);
            QuarterRound(ref x1, ref x6, ref x11, ref x12);
            QuarterRound(ref x2, ref x7, ref x8, ref x13);
            QuarterRound(ref x3, ref x4, ref x9, ref x14);
        }

        unchecked
        {
            var block = _block;
            block[0] = x0 + input[0];
            block[1] = x1 + input[1];
            block[2] = x2 + input[2];
            block[3] = x3 + input[3];
            block[4] = x4 + input[4];
            block[5] = x5 + input[5];
            block[6] = x6 + input[6];
            block[7] = x7 + input[7];
            block[8] = x8 + input[8];
            block[9] = x9 + input[9];
            block[10] = x10 + input[10];
            block[11] = x11 + input[11];
            block[12] = x12 + input[12];
            block[13] = x13 + input[13];
            block[14] = x14 + input[14];
            block[15] = x15 + input[15];

            input[12]++;
            if (input[12] == 0)
            {
                input[13]++;
            }
        }

        _nextWord = 0;
    }

    private static void QuarterRound(ref uint a, ref uint b, ref uint c, ref uint d)
    {
        unchecked
        {
            a += b;
            d = uint.RotateLeft(d ^ a, 16);
            c += d;
            b = uint.RotateLeft(b ^ c, 12);
            a += b;
            d = uint.RotateLeft(d ^ a, 8);
            c += d;
            b = uint.RotateLeft(b ^ c, 7);
        }
    }
}
