using Microsoft.AspNetCore.Http;

namespace OpenChronic.Api;

/// <summary>The API's JSON errors: <c>{"error": code, "message": text}</c>, never with request data echoed back raw.</summary>
internal static class ApiErrors
{
    public static IResult Bad(HttpContext context, string message) => Error(context, StatusCodes.Status400BadRequest, "bad_request", message);

    public static IResult Forbidden(HttpContext context, string message) => Error(context, StatusCodes.Status403Forbidden, "forbidden", message);

    public static IResult NotFound(HttpContext context, string message) => Error(context, StatusCodes.Status404NotFound, "not_found", message);

    public static IResult Error(HttpContext context, int status, string code, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items[typeof(ApiCaller)] is ApiCaller caller)
        {
            caller.Outcome = code + ": " + message;
        }

        return Results.Json(new ApiError(code, message), ApiJson.Default.ApiError, statusCode: status);
    }

    public static Task WriteAsync(HttpContext context, int status, string code, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items[typeof(ApiCaller)] is ApiCaller caller)
        {
            caller.Outcome = code + ": " + message;
        }

        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new ApiError(code, message), ApiJson.Default.ApiError);
    }
}

/// <summary>An error answer.</summary>
public sealed record ApiError(string Error, string Message);
