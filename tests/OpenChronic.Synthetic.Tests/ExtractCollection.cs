namespace OpenChronic.Synthetic.Tests;

/// <summary>The collection sharing <see cref="ExtractFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ExtractCollection : ICollectionFixture<ExtractFixture>
{
    public const string Name = "synthetic extract";
}
