using Microsoft.Extensions.Options;
using Whfb.DeviceReports.Records;
using Whfb.ServiceDefaults.Security;

namespace Whfb.Ingest.Apis;

public static class EventsApi
{
    internal static async Task<IResult> AcceptAsync(HttpContext http, CollectorRecordReader reader, ConfirmedPublisher publisher, IOptions<IngestOptions> options)
    {
        var limits = options.Value;
        if (await RequestBody.ReadAsync(http, limits.MaxBodyBytes) is not { } body)
            return IngestResults.BodyTooLarge(limits.MaxBodyBytes);

        var batch = reader.ReadAll(body);
        if (batch.LimitExceeded)
            return IngestResults.TooManyRecords(limits.MaxRecords);

        var valid = batch.ValidRecords.ToList();
        var rejected = batch.Errors.Select(RejectedInput.From).ToList();
        if (valid.Count == 0)
            return IngestResults.Invalid("No valid record in the request", rejected);

        var messages = DeviceEventMessages.For(http.User.RequiredTenantId(), valid);
        if (!await publisher.TryPublishAllAsync(messages, http.RequestAborted))
            return IngestResults.BrokerUnavailable(http, limits.BrokerRetryAfterSeconds);

        return Results.Accepted(value: new AcceptedRecords(valid.Count, rejected));
    }

    private sealed record AcceptedRecords(int Accepted, IReadOnlyList<RejectedInput> Rejected);
}
