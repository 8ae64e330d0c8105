namespace OpenChronic.Api;

/// <summary>A fixed one-minute window of requests per key, on the injected clock.</summary>
internal sealed class RateLimits(ApiOptions options, TimeProvider clock)
{
    private static readonly TimeSpan s_window = TimeSpan.FromMinutes(1);
    private readonly Dictionary<string, (DateTimeOffset Start, int Count)> _windows = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public bool TryAcquire(string keyId, out TimeSpan retryAfter)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            var (start, count) = _windows.GetValueOrDefault(keyId, (now, 0));
            if (now - start >= s_window)
            {
                (start, count) = (now, 0);
            }

            if (count >= options.RequestsPerMinute)
            {
                retryAfter = start + s_window - now;
                return false;
            }

            _windows[keyId] = (start, count + 1);
            retryAfter = TimeSpan.Zero;
            return true;
        }
    }
}
