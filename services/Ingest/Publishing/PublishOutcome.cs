namespace Whfb.Ingest.Publishing;

public enum PublishOutcome
{
    /// <summary>RabbitMQ confirmed every event of the request.</summary>
    Confirmed,

    /// <summary>The publish queue is full: refused at once, nothing was queued.</summary>
    Busy,

    /// <summary>No confirm within the publish timeout, or the broker failed: the collector retries.</summary>
    NotConfirmed,
}
