using System.Numerics;
using System.Security.Cryptography;
using OpenChronic.Domain.Privacy.DifferentialPrivacy;

namespace OpenChronic.Domain.Tests.Privacy.DifferentialPrivacy;

public sealed class ChaCha20RandomBitsTests
{
    private static byte[] RfcKey() => Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void NextBytes_Rfc8439BlockVector_MatchesPublishedKeystream()
    {
        // RFC 8439 §2.3.2: key 00..1f, nonce 00:00:00:09:00:00:00:4a:00:00:00:00, block counter 1.
        byte[] nonce = [0, 0, 0, 0x09, 0, 0, 0, 0x4a, 0, 0, 0, 0];
        var bits = new ChaCha20RandomBits(RfcKey(), nonce, initialCounter: 1);
        var output = new byte[16];
        bits.NextBytes(output);

        Assert.Equal(Convert.FromHexString("10f1e7e4d13b5915500fdd1fa32071c4"), output);
    }

    [Fact]
    public void NextBytes_ManyBlocks_EqualsBclChaCha20Keystream()
    {
        Assert.SkipUnless(ChaCha20Poly1305.IsSupported, "The platform has no ChaCha20-Poly1305 to compare with.");
        byte[] nonce = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
        var zeros = new byte[64 * 5];
        var keystream = new byte[zeros.Length];
        var tag = new byte[16];
        using (var aead = new ChaCha20Poly1305(RfcKey()))
        {
            // The AEAD encrypts from block counter 1, so the ciphertext of zeros is that keystream.
            aead.Encrypt(nonce, zeros, keystream, tag);
        }

        var bits = new ChaCha20RandomBits(RfcKey(), nonce, initialCounter: 1);
        var output = new byte[zeros.Length];
        bits.NextBytes(output);

        Assert.Equal(keystream, output);
    }

    [Fact]
    public void FromSeed_SameSeed_SameStream_DifferentSeed_DifferentStream()
    {
        var a = ChaCha20RandomBits.FromSeed(42);
        var b = ChaCha20RandomBits.FromSeed(42);
        var c = ChaCha20RandomBits.FromSeed(43);
        var d = ChaCha20RandomBits.FromSeed(42, stream: 1);
        for (var i = 0; i < 100; i++)
        {
            var word = a.NextUInt64();
            Assert.Equal(word, b.NextUInt64());
            Assert.NotEqual(word, c.NextUInt64());
            Assert.NotEqual(word, d.NextUInt64());
        }
    }

    [Fact]
    public void UniformBelow_SmallBound_EachValueNearOneThird()
    {
        var bits = ChaCha20RandomBits.FromSeed(7);
        var counts = new int[3];
        const int N = 30_000;
        for (var i = 0; i < N; i++)
        {
            counts[bits.UniformBelow(3UL)]++;
        }

        // Binomial standard error sqrt(N·1/3·2/3) ≈ 81.6; allow 5 standard errors.
        Assert.All(counts, c => Assert.InRange(c, 10_000 - 408, 10_000 + 408));
    }

    [Fact]
    public void BernoulliExpMinus_SeveralGammas_FrequencyMatchesExp()
    {
        var bits = ChaCha20RandomBits.FromSeed(11);
        const int N = 40_000;
        foreach (var (num, den) in new[] { (0, 1), (1, 3), (1, 1), (5, 2), (7, 1) })
        {
            var hits = 0;
            for (var i = 0; i < N; i++)
            {
                hits += bits.BernoulliExpMinus(num, den) ? 1 : 0;
            }

            var p = Math.Exp(-(double)num / den);
            var tolerance = (5 * Math.Sqrt(p * (1 - p) / N)) + 1e-12;
            Assert.InRange((double)hits / N, p - tolerance, p + tolerance);
        }
    }

    [Fact]
    public void BernoulliExpMinus_BeyondSixtyFourBits_UsesBigPathWithSameLaw()
    {
        // γ = 1/3 and 5/2 written with 2^70 in both parts, so that neither fits in 64 bits.
        var big = BigInteger.One << 70;
        var bits = ChaCha20RandomBits.FromSeed(12);
        const int N = 40_000;
        foreach (var (num, den) in new[] { (big, 3 * big), (5 * big, 2 * big) })
        {
            var hits = 0;
            for (var i = 0; i < N; i++)
            {
                hits += bits.BernoulliExpMinus(num, den) ? 1 : 0;
            }

            var p = Math.Exp(-(double)num / (double)den);
            var tolerance = 5 * Math.Sqrt(p * (1 - p) / N);
            Assert.InRange((double)hits / N, p - tolerance, p + tolerance);
        }
    }

    [Fact]
    public void UniformBelow_BigBound_StaysBelowAndCoversTopHalf()
    {
        var bound = (BigInteger.One << 100) + 12345;
        var bits = ChaCha20RandomBits.FromSeed(13);
        var topHalf = 0;
        const int N = 10_000;
        for (var i = 0; i < N; i++)
        {
            var value = bits.UniformBelow(bound);
            Assert.InRange(value, BigInteger.Zero, bound - 1);
            topHalf += value >= bound / 2 ? 1 : 0;
        }

        // Binomial(10,000, 1/2): standard error 50; allow 5.
        Assert.InRange(topHalf, 5000 - 250, 5000 + 250);
    }
}
