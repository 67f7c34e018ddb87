using System.Threading.RateLimiting;

namespace Whfb.Policy.Intune;

/// <summary>
/// Paces Intune writes to Intune's per-app limit, 100 per 20 s by default (<c>Graph:WritesPerWindow</c>,
/// <c>Graph:WriteWindow</c>), so rollouts rarely meet a 429 at all; those that still come (other apps of the tenant share
/// its 200) are retried by the SDK's retry handler, after Retry-After or, without one, exponentially longer. Writes are all
/// methods but GET, except $batch posts (here they carry the ring membership reads). Waiting honours the caller's
/// cancellation. The budget is this process's: instances sharing one app registration share Intune's limit, so give each
/// its part.
/// </summary>
public sealed class IntuneWriteBudget : DelegatingHandler
{
    private readonly SlidingWindowRateLimiter _limiter;

    public IntuneWriteBudget(IntuneConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _limiter = new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = connection.WritesPerWindow,
            Window = connection.WriteWindow,
            SegmentsPerWindow = 4,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method == HttpMethod.Get || request.RequestUri?.AbsolutePath.EndsWith("/$batch", StringComparison.Ordinal) == true)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        using var lease = await _limiter.AcquireAsync(1, cancellationToken);
        return lease.IsAcquired
            ? await base.SendAsync(request, cancellationToken)
            : throw new InvalidOperationException("The Intune write budget refused a request.");
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _limiter.Dispose();
        }

        base.Dispose(disposing);
    }
}
