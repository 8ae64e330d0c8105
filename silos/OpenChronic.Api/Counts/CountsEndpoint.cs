using System.Collections.Immutable;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenChronic.Api.Releases;
using OpenChronic.Domain.Privacy.DifferentialPrivacy;
using OpenChronic.Grains;

namespace OpenChronic.Api.Counts;

/// <summary>
/// <c>POST /v1/cohorts/{cohort}/releases/{n}/counts</c>: differentially private person counts over quasi-identifier
/// columns of a release's microdata. Everything is checked (body, dimensions, ε, cost) before the ledger is asked, so
/// a refused request charges nothing; the budget is the cohort's <see cref="IBudgetLedgerGrain"/> (key = cohort, so
/// all releases of a cohort share it), the consumer is the key's name (kept by rotation). Once the agency's or the
/// cohort's budget is spent the answer is 403 <c>budget_exhausted</c> (the budget does not come back, so retrying
/// later, as 429 would suggest, does not help).
/// </summary>
internal static class CountsEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, ReleaseCatalog catalog, ApiOptions options, DpNoiseSource noise,
        string cohort, string release)
    {
        var caller = (ApiCaller)context.Items[typeof(ApiCaller)]!;
        if ((ApiEndpoints.UnknownParameter(context, []) ?? ApiEndpoints.CheckCohort(context, cohort) ?? ApiEndpoints.CheckRelease(context, release, out _)) is { } bad)
        {
            return bad;
        }

        var number = int.Parse(release, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture);

        var body = await ReadBodyAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            return ApiErrors.Bad(context, $"the body is JSON of at most {CountRequest.MaxBodyBytes} bytes");
        }

        var limits = options.Counts;
        if (CountRequest.Parse(body, limits, out var error) is not { } request)
        {
            return ApiErrors.Bad(context, error);
        }

        var dir = catalog.ReleaseDirectory(cohort, number);
        if (dir is null)
        {
            return ApiErrors.NotFound(context, "no such release");
        }

        if (ReleaseMicrodata.Load(dir, out var reason) is not { } microdata)
        {
            return ApiErrors.NotFound(context, reason);
        }

        if (request.Dimensions.FirstOrDefault(d => !microdata.Dimensions.Contains(d, StringComparer.Ordinal)) is not null)
        {
            return ApiErrors.Bad(context, $"unknown dimension (this release allows: {string.Join(", ", microdata.Dimensions)})");
        }

        var domains = microdata.Domains(request.Dimensions);
        var cells = domains.Aggregate(1L, (n, d) => Math.Min(n * Math.Max(d.Length, 1), long.MaxValue / 1_000_000));
        var explicitKeys = cells <= limits.MaxExplicitCells ? domains : (ImmutableArray<ImmutableArray<string>>?)null;
        if (request.Rho is not null && explicitKeys is null)
        {
            return ApiErrors.Bad(context, $"zCDP (rho) needs explicit keys: these dimensions span more than {limits.MaxExplicitCells} cells; ask with epsilon");
        }

        var query = new DpAggregateQuery(
            $"api {cohort}/{number} counts by {string.Join(",", request.Dimensions)}",
            request.Dimensions,
            new ContributionBounds(1, 1),
            request.Rho is null ? DpNoiseKind.Laplace : DpNoiseKind.Gaussian,
            Epsilon: request.Epsilon ?? 0,
            Rho: request.Rho ?? 0,
            Delta: limits.Delta,
            ExplicitKeys: explicitKeys,
            ConfidenceLevel: request.ConfidenceLevel);
        var (epsilon, delta) = GrainPrivacyBudget.Charged(DpAggregateService.CostOf(query), limits.Delta);
        if (!(epsilon <= limits.MaxEpsilonPerQuery))
        {
            return ApiErrors.Bad(context, FormattableString.Invariant($"the query would cost ε = {epsilon:G4}, over the limit of {limits.MaxEpsilonPerQuery:G4} per query"));
        }

        if (context.RequestServices.GetService<IGrainFactory>() is not { } grains)
        {
            return ApiErrors.Error(context, StatusCodes.Status503ServiceUnavailable, "unavailable", "no grid to hold the privacy budgets on this host");
        }

        var ledger = grains.GetGrain<IBudgetLedgerGrain>(cohort);
        // Idempotent; when the ledger already has other limits (configured elsewhere), those govern.
        await ledger.ConfigureAsync(new LedgerLimits(false, limits.CohortEpsilon, limits.ConsumerEpsilon, limits.CohortDelta, limits.ConsumerDelta));
        var budget = new GrainPrivacyBudget(ledger, caller.Key!.Name, limits.Delta);
        var (bits, selectionKey) = noise.Next();
        var result = await new DpAggregateService(selectionKey, bits).ReleaseAsync(microdata.Rows(request.Dimensions), query, budget, context.RequestAborted);
        if (!result.Accepted || result.Table is not { } table)
        {
            return ApiErrors.Error(context, StatusCodes.Status403Forbidden, "budget_exhausted", "refused by the privacy budget: " + result.Reason);
        }

        caller.BudgetSpent = epsilon;
        var decision = budget.Decision!;
        return Results.Json(new CountAnswer(
            cohort, number, [.. table.Dimensions],
            request.Rho is null ? "discrete_laplace" : "discrete_gaussian",
            explicitKeys is null ? "thresholded" : "explicit",
            table.Noise, table.NoiseScale, table.NoiseVariance, table.ConfidenceLevel, table.HalfWidth, table.Threshold,
            [.. table.Cells.Select(c => new CountCell([.. c.Values], c.Count, c.Lower, c.Upper))],
            new CountCost(epsilon, delta, request.Rho),
            new CountBudget(cohort, decision.ConsumerRemaining, decision.CohortRemaining)), ApiJson.Default.CountAnswer);
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > CountRequest.MaxBodyBytes)
        {
            return null;
        }

        var buffer = new byte[CountRequest.MaxBodyBytes + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await request.Body.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += n;
        }

        return read > CountRequest.MaxBodyBytes ? null : buffer[..read];
    }
}
