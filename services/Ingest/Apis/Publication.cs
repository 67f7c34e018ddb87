using Whfb.Ingest.Publishing;

namespace Whfb.Ingest.Apis;

/// <summary>
/// The last step of every collector endpoint: the request's events are sized, refused as a whole when one of them
/// cannot fit in a broker message (413 naming it), and otherwise published; 503 when the broker is busy or silent.
/// </summary>
internal static class Publication
{
    /// <summary>Null once RabbitMQ confirmed every event; otherwise the answer to give.</summary>
    /// <param name="describe">Where the event at an index came from (a record's line, the report), for the 413.</param>
    public static async Task<IResult?> PublishAsync(
        HttpContext http, ConfirmedPublisher publisher, IngestOptions options, Guid tenantId, IReadOnlyList<object> events, Func<int, RejectedInput> describe)
    {
        var sized = EventSizer.Measure(events);
        var most = BatchMessages.MaxEventBytes(options.MaxMessageBytes);
        if (sized.FindIndex(e => e.Bytes > most) is var index and >= 0)
            return IngestResults.EventTooLarge(describe(index), sized[index].Bytes, most);

        return await publisher.PublishAsync(tenantId, sized, http.RequestAborted) switch
        {
            PublishOutcome.Confirmed => null,
            PublishOutcome.Busy => IngestResults.Busy(http, options.BrokerRetryAfterSeconds),
            _ => IngestResults.BrokerUnavailable(http, options.BrokerRetryAfterSeconds),
        };
    }
}
