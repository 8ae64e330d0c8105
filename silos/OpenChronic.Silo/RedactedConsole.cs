using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace OpenChronic.Silo;

/// <summary>
/// The console logger every Open Chronic host uses (silo, embedded grid, API, cluster client): the standard console
/// provider wrapped by <see cref="RedactingLoggerProvider"/>, so that a grain id Orleans puts in a warning (e.g. a
/// long-running turn of <c>patient/…</c>) is masked before the line is written.
/// </summary>
public static class RedactedConsole
{
    /// <summary>Adds the console provider, redacted; warnings and above go to standard error.</summary>
    public static ILoggingBuilder AddRedactedConsole(this ILoggingBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Warning);
        foreach (var console in builder.Services.Where(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ConsoleLoggerProvider)).ToList())
        {
            builder.Services.Remove(console);
        }

        builder.Services.AddSingleton<ILoggerProvider>(sp => new RedactingLoggerProvider(ActivatorUtilities.CreateInstance<ConsoleLoggerProvider>(sp)));
        return builder;
    }
}
