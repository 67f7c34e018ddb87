using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Whfb.DeviceReports.Records;
using Whfb.DeviceReports.Records.Xml;
using Whfb.ServiceDefaults.Security;

namespace Whfb.Ingest.Apis;

/// <summary>
/// <c>POST /v1/events</c>: event records as JSON (array or NDJSON), or as Windows event XML (<c>application/xml</c>,
/// <c>text/xml</c>) of one device named by the <c>deviceId</c> query parameter: the XML has no Entra device id.
/// </summary>
public static class EventsApi
{
    internal static async Task<IResult> AcceptAsync(
        HttpContext http, CollectorRecordReader reader, EventXmlReader xmlReader, ConfirmedPublisher publisher, IOptions<IngestOptions> options)
    {
        var limits = options.Value;
        if (await RequestBody.ReadAsync(http, limits.MaxBodyBytes) is not { } body)
            return IngestResults.BodyTooLarge(limits.MaxBodyBytes);

        CollectorBatch batch;
        if (IsXml(http.Request.ContentType))
        {
            Guid? device = null;
            if (http.Request.Query.TryGetValue("deviceId", out var text))
            {
                if (!Guid.TryParse(text, out var parsed))
                    return IngestResults.Invalid("deviceId", "deviceId must be the Entra device GUID");
                device = parsed;
            }

            batch = new CollectorBatch(xmlReader.Read(body, _ => device).ToList());
        }
        else
        {
            batch = reader.ReadAll(body);
        }

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

    /// <summary>application/xml, text/xml or any +xml type, whatever its charset (the document declares its own).</summary>
    internal static bool IsXml(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && (type.MediaType.Equals("application/xml", StringComparison.OrdinalIgnoreCase)
            || type.MediaType.Equals("text/xml", StringComparison.OrdinalIgnoreCase)
            || type.MediaType.Value?.EndsWith("+xml", StringComparison.OrdinalIgnoreCase) == true);

    private sealed record AcceptedRecords(int Accepted, IReadOnlyList<RejectedInput> Rejected);
}
