using System.Threading.RateLimiting;
using Concord.Server.Hosting;
using Concord.Server.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Concord.Server.Auth;

/// <summary>
/// Slows down key guessing: each client address may fail authentication <see cref="ServerOptions.FailedAuthPerMinute"/>
/// times a minute; further failures get 429 until the minute is over. Requests with a good key are not affected.
/// </summary>
internal sealed class FailedAuthenticationLimit(ServerOptions options) : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _limiter = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetTokenBucketLimiter(
        "ip:" + context.Connection.RemoteIpAddress,
        _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.FailedAuthPerMinute,
            TokensPerPeriod = options.FailedAuthPerMinute,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>Counts a failed authentication; false when the address is past its limit.</summary>
    public bool TryRecordFailure(HttpContext context)
    {
        using var lease = _limiter.AttemptAcquire(context);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();

    /// <summary>Runs after authentication: a request that presented credentials and is not authenticated has failed.</summary>
    public static void Use(IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var presented = context.Request.Headers.Authorization.ToString().Length > 0;
        if (presented && context.User.Identity?.IsAuthenticated != true
            && !context.RequestServices.GetRequiredService<FailedAuthenticationLimit>().TryRecordFailure(context))
        {
            await ProblemWriter.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests", "too many failed authentications from this address; try again in a minute");
            return;
        }

        await next(context);
    });
}
