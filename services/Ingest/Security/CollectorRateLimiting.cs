using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Whfb.Ingest.Model;

namespace Whfb.Ingest.Security;

/// <summary>
/// A token bucket per collector key (partitioned by key id); over it: 429 with Retry-After, as problem details. A
/// device key has a bucket of its own size (<see cref="IngestOptions.RequestsPerSecondPerDeviceKey"/>): one device
/// posts a few requests per run, while a tenant's shared key carries a fleet's enrollments.
/// </summary>
public static class CollectorRateLimiting
{
    public const string Policy = "per-collector-key";

    public static IServiceCollection AddCollectorRateLimiting(this IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Policy, PartitionByKey);
            o.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests for this collector key",
                    detail: $"Retry after {seconds} s.").ExecuteAsync(context.HttpContext);
            };
        });

    private static RateLimitPartition<string> PartitionByKey(HttpContext http)
    {
        if (http.User.FindFirstValue(CollectorClaims.KeyId) is not { } keyId)
            return RateLimitPartition.GetNoLimiter("unauthenticated");
        var options = http.RequestServices.GetRequiredService<IOptions<IngestOptions>>().Value;
        var device = http.User.FindFirstValue(CollectorClaims.Kind) == nameof(CollectorKeyKind.Device);
        return RateLimitPartition.GetTokenBucketLimiter((device ? "device:" : "key:") + keyId, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = device ? options.BurstPerDeviceKey : options.BurstPerKey,
            TokensPerPeriod = device ? options.RequestsPerSecondPerDeviceKey : options.RequestsPerSecondPerKey,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
