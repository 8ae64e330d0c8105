using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenChronic.Domain.Pathways;
using OpenChronic.Domain.Privacy;

namespace OpenChronic.Grains;

/// <summary>The services the grains need, registered the same way by the silo host, the console and the tests.</summary>
public static class GrainServices
{
    /// <summary>
    /// Registers the pathway deriver over <paramref name="catalogue"/> (the embedded catalogue by default), the
    /// pseudonymisation key, the extract sessions and the system clock.
    /// </summary>
    public static IServiceCollection AddOpenChronicGrainServices(this IServiceCollection services, KeyedPseudonym pseudonym, CaseDefinitionCatalogue? catalogue = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(new PathwayDeriver(catalogue ?? CaseDefinitionCatalogue.Default));
        services.AddSingleton(new PseudonymKey(pseudonym));
        services.AddSingleton<ExtractSessions>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
