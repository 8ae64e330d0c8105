using Microsoft.Extensions.DependencyInjection;
using OpenChronic.Domain.Pathways;

namespace OpenChronic.Grains;

/// <summary>The services the grains need, registered the same way by the silo host, the console and the tests.</summary>
public static class GrainServices
{
    /// <summary>Registers the pathway deriver over <paramref name="catalogue"/> (the embedded catalogue by default).</summary>
    public static IServiceCollection AddOpenChronicGrainServices(this IServiceCollection services, CaseDefinitionCatalogue? catalogue = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(new PathwayDeriver(catalogue ?? CaseDefinitionCatalogue.Default));
        return services;
    }
}
