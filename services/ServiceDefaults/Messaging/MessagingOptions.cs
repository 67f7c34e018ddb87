namespace Whfb.ServiceDefaults.Messaging;

/// <summary>Bound from the "Messaging" configuration section.</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>Declare receive queues as quorum queues (replicated; about twice as fast here).</summary>
    public bool QuorumQueues { get; set; }

    /// <summary>Messages a consumer may hold unacknowledged.</summary>
    public int PrefetchCount { get; set; } = 64;

    // Arrays start empty: the configuration binder appends to a non-empty default instead of replacing it.

    /// <summary>Immediate retries inside one delivery, in milliseconds (default 50, 250, 1000).</summary>
    public int[] RetryIntervalsMs { get; set; } = [];

    /// <summary>
    /// Redelivery after the immediate retries, in seconds. With <see cref="DelayedExchange"/> the message goes back
    /// to the broker (needs the rabbitmq_delayed_message_exchange plugin); otherwise it is held unacknowledged
    /// in the consumer while it waits, so a crash returns it to the queue and nothing is lost. After the last
    /// interval the message moves to the endpoint's <c>_error</c> queue. Default 5, 30, 120.
    /// </summary>
    public int[] RedeliveryIntervalsSec { get; set; } = [];

    public bool DelayedExchange { get; set; }

    public IReadOnlyList<int> EffectiveRetryIntervalsMs => RetryIntervalsMs.Length > 0 ? RetryIntervalsMs : [50, 250, 1000];

    public IReadOnlyList<int> EffectiveRedeliveryIntervalsSec => RedeliveryIntervalsSec.Length > 0 ? RedeliveryIntervalsSec : [5, 30, 120];
}
