using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OpenChronic.Api.Audit;
using OpenChronic.Api.Keys;

namespace OpenChronic.Api;

/// <summary>
/// The API's gate, around every request: checks the bearer key (401), applies the per-key rate limit (429), turns
/// unexpected failures into a bare 500, and appends one audit entry per request whatever its outcome — including
/// refused ones. Health, readiness and the OpenAPI document need no key (they reveal no data) but are audited too.
/// </summary>
internal sealed partial class ApiGate(RequestDelegate next, ApiKeyStore keys, IAuditLog audit, RateLimits limits, TimeProvider clock, ILogger<ApiGate> logger)
{
    private const int MaxAuditedPath = 256;

    public async Task InvokeAsync(HttpContext context)
    {
        var caller = new ApiCaller();
        context.Items[typeof(ApiCaller)] = caller;
        var counter = new CountingStream(context.Response.Body);
        context.Response.Body = counter;
        var path = context.Request.Path.Value ?? "";
        try
        {
            if (!IsPublic(path))
            {
                var header = context.Request.Headers.Authorization.ToString();
                var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : null;
                var key = keys.Authenticate(token, out var reason);
                if (key is null)
                {
                    context.Response.Headers.WWWAuthenticate = "Bearer";
                    await ApiErrors.WriteAsync(context, StatusCodes.Status401Unauthorized, "unauthorized", reason);
                    return;
                }

                caller.Key = key;
                if (!limits.TryAcquire(key.Id, out var retryAfter))
                {
                    context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    await ApiErrors.WriteAsync(context, StatusCodes.Status429TooManyRequests, "rate_limited", "too many requests for this key; retry later");
                    return;
                }
            }

            await next(context);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailure(logger, e, context.Request.Method);
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                await ApiErrors.WriteAsync(context, StatusCodes.Status500InternalServerError, "internal_error", "the request failed; it is recorded in the audit log");
            }
        }
        finally
        {
            var status = context.Response.StatusCode;
            var outcome = caller.Outcome.Length > 0 ? caller.Outcome : status < 400 ? "ok" : "error";
            await audit.AppendAsync(new AuditAccess(clock.GetUtcNow(), caller.Key?.Id, caller.Key?.Role.ToString().ToLowerInvariant(), context.Request.Method,
                path.Length > MaxAuditedPath ? path[..MaxAuditedPath] + "…" : path, status, outcome, caller.BudgetSpent, counter.Written), CancellationToken.None);
        }
    }

    private static bool IsPublic(string path) =>
        path is "/health" or "/ready" || path.StartsWith("/openapi/", StringComparison.Ordinal);

    // The path and the key are in the audit log, not in the process log.
    [LoggerMessage(Level = LogLevel.Error, Message = "API request {Method} failed.")]
    private static partial void LogFailure(ILogger logger, Exception exception, string method);
}
