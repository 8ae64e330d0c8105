using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenChronic.Api.Audit;
using OpenChronic.Api.Counts;
using OpenChronic.Api.Keys;
using OpenChronic.Api.Releases;

namespace OpenChronic.Api;

/// <summary>
/// The endpoints. Every one returns published release content or metadata only: no endpoint reads the database or
/// the grid's patient state. Parameters are checked before any file is touched; unknown query parameters are refused.
/// </summary>
internal static class ApiEndpoints
{
    private const int MaxRelease = 1_000_000;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => Results.Json(new ApiStatus("ok", null), ApiJson.Default.ApiStatus))
            .WithName("health").WithSummary("Liveness: the process answers.");
        app.MapGet("/ready", (ReleaseCatalog catalog, ApiOptions options) => Ready(options))
            .WithName("ready").WithSummary("Readiness: the releases and state folders are reachable.");
        var v1 = app.MapGroup("/v1");
        v1.MapGet("/cohorts", ListCohorts).WithName("listCohorts").WithSummary("Cohorts with releases that the key may read.");
        v1.MapGet("/cohorts/{cohort}/releases", ListReleases).WithName("listReleases").WithSummary("Release numbers of a cohort.");
        v1.MapGet("/cohorts/{cohort}/releases/{release}", GetRelease).WithName("getRelease").WithSummary("A release's release.json (policy, achieved k/l/k^m, risks, file hashes).");
        v1.MapGet("/cohorts/{cohort}/releases/{release}/files/{file}", GetFile).WithName("getFile")
            .WithSummary("A file of a release; CSV tables also as ?format=json or ?format=parquet.");
        v1.MapPost("/cohorts/{cohort}/releases/{release}/counts", CountsEndpoint.HandleAsync).WithName("postCounts")
            .WithSummary("Differentially private person counts over the release's quasi-identifiers, charged to the agency's budget.");
        v1.MapGet("/audit", GetAuditAsync).WithName("getAudit").WithSummary("The audit log (operators only); ?after=N for entries after sequence N.");
    }

    private static IResult Ready(ApiOptions options)
    {
        var ok = Directory.Exists(options.StateDirectory);
        return Results.Json(new ApiStatus(ok ? "ready" : "not ready", ok ? null : "the state folder is missing"), ApiJson.Default.ApiStatus,
            statusCode: ok ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static IResult ListCohorts(HttpContext context, ReleaseCatalog catalog)
    {
        if (UnknownParameter(context, []) is { } bad)
        {
            return bad;
        }

        var key = Caller(context);
        return Results.Json(catalog.Cohorts().Where(key.CanRead).ToList(), ApiJson.Default.ListString);
    }

    private static IResult ListReleases(HttpContext context, ReleaseCatalog catalog, string cohort)
    {
        if ((UnknownParameter(context, []) ?? CheckCohort(context, cohort)) is { } bad)
        {
            return bad;
        }

        var releases = catalog.Releases(cohort);
        return releases.Count == 0 ? ApiErrors.NotFound(context, "no release of this cohort") : Results.Json(releases.ToList(), ApiJson.Default.ListInt32);
    }

    private static IResult GetRelease(HttpContext context, ReleaseCatalog catalog, string cohort, string release)
    {
        if ((UnknownParameter(context, []) ?? CheckCohort(context, cohort) ?? CheckRelease(context, release, out _)) is { } bad)
        {
            return bad;
        }

        var dir = catalog.ReleaseDirectory(cohort, ParseRelease(release));
        return dir is null
            ? ApiErrors.NotFound(context, "no such release")
            : Results.File(File.ReadAllBytes(Path.Combine(dir, ReleaseCatalog.ManifestName)), "application/json");
    }

    private static IResult GetFile(HttpContext context, ReleaseCatalog catalog, string cohort, string release, string file)
    {
        if ((UnknownParameter(context, ["format"]) ?? CheckCohort(context, cohort) ?? CheckRelease(context, release, out _)) is { } bad)
        {
            return bad;
        }

        if (!ReleaseCatalog.IsFileName(file))
        {
            return ApiErrors.Bad(context, "a file name is letters, digits, '.', '-', '_' (at most 128), without folders");
        }

        var format = context.Request.Query["format"].ToString();
        if (format.Length > 0 && !TableFormats.Names.Contains(format))
        {
            return ApiErrors.Bad(context, "format must be csv, json or parquet");
        }

        var dir = catalog.ReleaseDirectory(cohort, ParseRelease(release));
        if (dir is null)
        {
            return ApiErrors.NotFound(context, "no such release");
        }

        if (!ReleaseCatalog.ListedFiles(dir).Contains(file, StringComparer.Ordinal) && file != ReleaseCatalog.ManifestName)
        {
            return ApiErrors.NotFound(context, "the release lists no such file");
        }

        var path = Path.Combine(dir, file);
        var isCsv = file.EndsWith(".csv", StringComparison.Ordinal);
        if (format is "" || (format == "csv" && isCsv) || (format == "parquet" && file.EndsWith(".parquet", StringComparison.Ordinal)))
        {
            return Results.File(File.ReadAllBytes(path), ContentType(file), file);
        }

        if (!isCsv)
        {
            return ApiErrors.Bad(context, "only CSV tables convert to another format");
        }

        var (header, rows) = TableFormats.ReadCsv(path);
        var stem = Path.GetFileNameWithoutExtension(file);
        return format == "json"
            ? Results.File(TableFormats.ToJson(header, rows), "application/json", stem + ".json")
            : Results.File(TableFormats.ToParquet(header, rows), "application/vnd.apache.parquet", stem + ".parquet");
    }

    private static async Task<IResult> GetAuditAsync(HttpContext context, IAuditLog audit)
    {
        if (UnknownParameter(context, ["after"]) is { } bad)
        {
            return bad;
        }

        if (Caller(context).Role != ApiRole.Operator)
        {
            return ApiErrors.Forbidden(context, "the audit log is for operators");
        }

        long after = 0;
        var text = context.Request.Query["after"].ToString();
        if (text.Length > 0 && !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out after))
        {
            return ApiErrors.Bad(context, "after must be a non-negative entry number");
        }

        return Results.Json((await audit.ReadAsync(after, context.RequestAborted)).ToList(), ApiJson.Default.ListAuditEntry);
    }

    private static ApiKeyRecord Caller(HttpContext context) =>
        ((ApiCaller)context.Items[typeof(ApiCaller)]!).Key ?? throw new InvalidOperationException("The gate let an unauthenticated request through.");

    internal static IResult? UnknownParameter(HttpContext context, string[] allowed)
    {
        var unknown = context.Request.Query.Keys.FirstOrDefault(k => !allowed.Contains(k, StringComparer.Ordinal));
        return unknown is null ? null : ApiErrors.Bad(context, $"unknown parameter (allowed: {(allowed.Length == 0 ? "none" : string.Join(", ", allowed))})");
    }

    internal static IResult? CheckCohort(HttpContext context, string cohort)
    {
        if (!ReleaseCatalog.IsCohortName(cohort))
        {
            return ApiErrors.Bad(context, "a cohort name is letters, digits, '-' or '_' (at most 64)");
        }

        return Caller(context).CanRead(cohort) ? null : ApiErrors.Forbidden(context, "this key's scopes do not include the cohort");
    }

    internal static IResult? CheckRelease(HttpContext context, string release, out int number)
    {
        number = 0;
        return int.TryParse(release, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number is > 0 and <= MaxRelease
            ? null
            : ApiErrors.Bad(context, "a release is a number from 1");
    }

    private static int ParseRelease(string release) => int.Parse(release, NumberStyles.None, CultureInfo.InvariantCulture);

    private static string ContentType(string file) => Path.GetExtension(file) switch
    {
        ".csv" => "text/csv",
        ".json" => "application/json",
        ".parquet" => "application/vnd.apache.parquet",
        ".md" => "text/markdown",
        _ => "application/octet-stream",
    };
}
