using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using OpenChronic.Api.Audit;
using OpenChronic.Api.Counts;
using OpenChronic.Api.Keys;
using OpenChronic.Api.Releases;

namespace OpenChronic.Api;

/// <summary>Registers and maps the agency API on an ASP.NET Core host (the console's <c>serve</c>, or a silo host).</summary>
public static class OpenChronicApi
{
    public static IServiceCollection AddOpenChronicApi(this IServiceCollection services, ApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(sp => new ApiKeyStore(options.StateDirectory, sp.GetRequiredService<TimeProvider>()));
        if (string.IsNullOrWhiteSpace(options.AuditConnectionString))
        {
            var file = new AuditLog(options.StateDirectory);
            services.AddSingleton(file);
            services.AddSingleton<IAuditLog>(file);
        }
        else
        {
            var source = NpgsqlDataSource.Create(options.AuditConnectionString);
            services.AddSingleton(source);
            services.AddSingleton<IAuditLog>(new PostgresAuditLog(source, options.AuditLogName));
        }

        services.AddSingleton(new ReleaseCatalog(options.ReleasesDirectory));
        services.AddSingleton<RateLimits>();
        services.AddSingleton<DpNoiseSource>();
        services.AddOpenApi();
        return services;
    }

    public static WebApplication UseOpenChronicApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<ApiGate>();
        app.MapOpenApi();
        ApiEndpoints.Map(app);
        return app;
    }
}
