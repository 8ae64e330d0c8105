using OpenChronic.Domain.Snds;

namespace OpenChronic.Domain.Tests;

public sealed class ArchitectureTests
{
    [Fact]
    public void DomainAssembly_DoesNotReferenceOrleans() =>
        Assert.DoesNotContain(typeof(SndsCatalogue).Assembly.GetReferencedAssemblies(),
            a => a.Name!.StartsWith("Orleans", StringComparison.Ordinal));

    [Fact]
    public void DomainAssembly_DoesNotReferenceArrowOrIo() =>
        Assert.DoesNotContain(typeof(SndsCatalogue).Assembly.GetReferencedAssemblies(),
            a => a.Name!.StartsWith("Apache.Arrow", StringComparison.Ordinal) || a.Name!.StartsWith("ParquetSharp", StringComparison.Ordinal));
}
