using Microsoft.Extensions.Logging;

namespace OpenChronic.Silo;

/// <summary>
/// Wraps a logger provider so that every formatted message (exception text included) has patient keys masked
/// before it is written: Orleans puts grain ids in some of its own warnings and errors.
/// </summary>
public sealed class RedactingLoggerProvider(ILoggerProvider inner) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    public void Dispose() => inner.Dispose();

    private sealed class RedactingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }

            var text = formatter(state, exception);
            if (exception is not null)
            {
                text = $"{text}{Environment.NewLine}{exception}";
            }

            inner.Log(logLevel, eventId, KeyRedaction.Redact(text), null, static (s, _) => s);
        }
    }
}
