using OpenChronic.Domain.Privacy;

namespace OpenChronic.Domain.Tests;

public sealed class KeyedPseudonymTests
{
    [Fact]
    public void Of_SameKeyAndId_IsStable_OtherKeyOrId_Differs()
    {
        var a = KeyedPseudonym.FromPassphrase("key one");
        var b = KeyedPseudonym.FromPassphrase("key two");
        Assert.Equal(a.Of("12345678901234567"), a.Of("12345678901234567"));
        Assert.NotEqual(a.Of("12345678901234567"), a.Of("12345678901234568"));
        Assert.NotEqual(a.Of("12345678901234567"), b.Of("12345678901234567"));
    }

    [Fact]
    public void Constructor_ShortKey_IsRefused() => Assert.Throws<ArgumentException>(() => new KeyedPseudonym(new byte[8]));
}
