namespace Whfb.ServiceDefaults.Messaging;

/// <summary>Bound from the "Messaging" configuration section.</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>Declare receive queues as quorum queues (replicated; about twice as fast here).</summary>
    public bool QuorumQueues { get; set; }

    /// <summary>Messages a consumer may hold unacknowledged.</summary>
    public int PrefetchCount { get; set; } = 64;

    /// <summary>Immediate retries inside one delivery, in milliseconds.</summary>
    public int[] RetryIntervalsMs { get; set; } = [50, 250, 1000];

    /// <summary>
    /// Redelivery after the immediate retries, in seconds. With <see cref="DelayedExchange"/> the message goes back
    /// to the broker (needs the rabbitmq_delayed_message_exchange plugin); otherwise it is held unacknowledged
    /// in the consumer while it waits, so a crash returns it to the queue and nothing is lost. After the last
    /// interval the message moves to the endpoint's <c>_error</c> queue.
    /// </summary>
    public int[] RedeliveryIntervalsSec { get; set; } = [5, 30, 120];

    public bool DelayedExchange { get; set; }
}
