namespace Whfb.Ingest;

/// <summary>Bound from the "Ingest" configuration section.</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    /// <summary>Largest request body accepted; larger gets 413.</summary>
    public long MaxBodyBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Most records in one request; more gets 413.</summary>
    public int MaxRecords { get; set; } = 10_000;

    /// <summary>
    /// Oldest event or report accepted, by its own time (older gets 400 naming the field): every month of history is a
    /// partition downstream, shared by all tenants.
    /// </summary>
    public TimeSpan MaxEventAge { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// Most device events in one broker message: a request's events are published as one batch per event type, split
    /// beyond this many.
    /// </summary>
    public int EventsPerMessage { get; set; } = 500;

    /// <summary>
    /// Most bytes of one broker message: a batch is split before its events pass this, and a request with an event
    /// that alone would (a huge record) is refused with 413. RabbitMQ refuses messages over its
    /// <c>max_message_size</c> (128 MiB by default up to 3.13, 16 MiB from 4.0), and large messages stall the queue's
    /// other consumers while they are read, so this stays far below both.
    /// </summary>
    public int MaxMessageBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Requests waiting for a publish slot at most; beyond, 503 with Retry-After at once.</summary>
    public int PublishQueueRequests { get; set; } = 1_000;

    /// <summary>Bytes of events (as sent) waiting for a publish slot at most; beyond, 503 with Retry-After at once.</summary>
    public long PublishQueueBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>
    /// Groups of requests being published at once; requests that arrive meanwhile wait for a free slot and go out
    /// together in the next group.
    /// </summary>
    public int ConcurrentPublishes { get; set; } = 2;

    /// <summary>How long to wait for the broker's confirms before answering 503.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Seconds a collector is told to wait (Retry-After) when the broker is unavailable.</summary>
    public int BrokerRetryAfterSeconds { get; set; } = 30;

    /// <summary>
    /// How long a collector key lookup (found, revoked or unknown) is cached in memory: a revocation takes effect on
    /// every instance within this time.
    /// </summary>
    public TimeSpan CollectorKeyCacheTtl { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Requests per second each collector key may make on average (token bucket refill).</summary>
    public int RequestsPerSecondPerKey { get; set; } = 20;

    /// <summary>Requests a collector key may make in a burst (token bucket size).</summary>
    public int BurstPerKey { get; set; } = 100;

    /// <summary>Requests per second each device key may make on average (token bucket refill).</summary>
    public int RequestsPerSecondPerDeviceKey { get; set; } = 1;

    /// <summary>Requests a device key may make in a burst (token bucket size): a run posts a few, more after a backlog.</summary>
    public int BurstPerDeviceKey { get; set; } = 20;

    /// <summary>
    /// Until when a tenant's enrollment key (the collector key of before device keys) may still post records, with a
    /// Deprecation, Sunset and Warning header on each answer; from then on it only enrolls devices (403 otherwise).
    /// Null: posting stays allowed (with the headers) until a date is set.
    /// </summary>
    public DateTimeOffset? TenantKeysPostUntil { get; set; }

    /// <summary>How often a key's last use is written at most (the listing's "last used" is this precise).</summary>
    public TimeSpan KeyLastUseInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Unknown collector keys one client address may have looked up per second (token bucket refill).</summary>
    public int UnknownKeysPerSecondPerAddress { get; set; } = 2;

    /// <summary>Unknown collector keys one client address may have looked up in a burst; beyond, 401 without a query.</summary>
    public int UnknownKeyBurstPerAddress { get; set; } = 20;
}
