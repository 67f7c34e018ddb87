namespace Whfb.ServiceDefaults.Outbox;

/// <summary>Bound from the "Outbox" configuration section.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>How often the dispatcher looks for rows when nothing woke it (rows from another process, a crash).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int BatchSize { get; set; } = 200;

    /// <summary>Sent rows are deleted after this long.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Inbox rows (messages a consumer applied) are deleted after this long. A message comes back only while the broker
    /// redelivers it or an outbox publishes it again after a crash, both within minutes; a duplicate arriving later
    /// than this would be applied twice.
    /// </summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Rows deleted per statement while pruning, so pruning never holds long locks.</summary>
    public int PruneBatchSize { get; set; } = 10_000;

    /// <summary>
    /// Test seam: runs after a batch was published and confirmed by the broker, before it is marked sent.
    /// Throwing here is a crash between publish and commit: the batch is published again later.
    /// </summary>
    public Func<IReadOnlyList<Guid>, Task>? AfterPublish { get; set; }
}
