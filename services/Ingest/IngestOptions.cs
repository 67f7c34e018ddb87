namespace Whfb.Ingest;

/// <summary>Bound from the "Ingest" configuration section.</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    /// <summary>Largest request body accepted; larger gets 413.</summary>
    public long MaxBodyBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Most records in one request; more gets 413.</summary>
    public int MaxRecords { get; set; } = 10_000;

    /// <summary>Records per history message on the bus (history travels in batches, never one message per record).</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How long to wait for the broker's confirms before answering 503.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Tenant of requests while collector keys are not configured (development and the walking skeleton only).
    /// </summary>
    public Guid? DevelopmentTenantId { get; set; }
}
