using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Whfb.Ingest.Security;

/// <summary>
/// Per client address, how many unknown collector keys may still be looked up in the database: a token bucket spent
/// only by lookups that found nothing, so a site's whole fleet behind one NAT address is never slowed down, while
/// someone trying made-up keys soon gets refused without a query.
/// </summary>
public sealed class FailedKeyLimiter(IOptions<IngestOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<IPAddress> buckets = PartitionedRateLimiter.Create<IPAddress, IPAddress>(address =>
        RateLimitPartition.GetTokenBucketLimiter(address, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Value.UnknownKeyBurstPerAddress,
            TokensPerPeriod = options.Value.UnknownKeysPerSecondPerAddress,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    public bool MayLookUp(IPAddress address) => buckets.GetStatistics(address)?.CurrentAvailablePermits is not <= 0;

    public void Failed(IPAddress address)
    {
        using var lease = buckets.AttemptAcquire(address);
    }

    public void Dispose() => buckets.Dispose();
}
