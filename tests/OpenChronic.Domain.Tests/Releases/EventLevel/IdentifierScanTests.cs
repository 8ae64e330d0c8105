using OpenChronic.Domain.Releases.EventLevel;

namespace OpenChronic.Domain.Tests.Releases.EventLevel;

public sealed class IdentifierScanTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "oc-scan-" + Guid.NewGuid().ToString("N"));

    public IdentifierScanTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Scan_CleanRelease_FindsNothing()
    {
        File.WriteAllText(Path.Combine(_dir, "events.csv"), "person,kind,code,period\n0123456789012345678901234567890a,dispensation,atc:A10BA,q0\n");

        Assert.Empty(IdentifierScan.Scan(_dir, new HashSet<string>()));
    }

    [Theory]
    [InlineData("person,kind,code,ETA_NUM\nx,act,ccam:AB,q0\n")]
    [InlineData("person,kind,code,period\nx,act,2750575123456,q0\n")]
    [InlineData("person,kind,code,period\nx,act,ccam:AB,q0,310000011\n")]
    public void Scan_IdentifierNameOrNumber_IsFound(string csv)
    {
        File.WriteAllText(Path.Combine(_dir, "events.csv"), csv);

        Assert.NotEmpty(IdentifierScan.Scan(_dir, new HashSet<string>()));
    }

    [Fact]
    public void Scan_DatabaseKey_IsFound()
    {
        var key = Guid.NewGuid().ToString("N");
        File.WriteAllText(Path.Combine(_dir, "persons.csv"), $"person,age_band,sex,territory,reference\n{key},60-69,M,75,ald_entry\n");

        Assert.Single(IdentifierScan.Scan(_dir, new HashSet<string> { key }));
    }
}
