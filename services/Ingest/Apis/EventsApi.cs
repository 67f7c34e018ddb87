using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Whfb.DeviceReports.Records;
using Whfb.DeviceReports.Records.Xml;
using Whfb.Ingest.Publishing;
using Whfb.ServiceDefaults.Security;

namespace Whfb.Ingest.Apis;

/// <summary>
/// <c>POST /v1/events</c>: event records as JSON (array or NDJSON), or as Windows event XML (<c>application/xml</c>,
/// <c>text/xml</c>) of one device named by the <c>deviceId</c> query parameter (a device key's own device without it):
/// the XML has no Entra device id. A device key's request naming another device is refused whole (<see cref="DeviceScope"/>).
/// </summary>
public static class EventsApi
{
    internal static async Task<IResult> AcceptAsync(
        HttpContext http, CollectorRecordReader reader, EventXmlReader xmlReader, ConfirmedPublisher publisher, IOptions<IngestOptions> options)
    {
        var limits = options.Value;
        var keyDevice = DeviceScope.Of(http);
        var (batch, problem) = await ReadAsync(http, reader, xmlReader, limits.MaxBodyBytes, keyDevice);
        if (batch is null)
            return problem!;
        if (batch.LimitExceeded)
            return IngestResults.TooManyRecords(limits.MaxRecords);

        var valid = batch.Results.Where(r => r.IsValid).ToList();
        var rejected = batch.Errors.Select(RejectedInput.From).ToList();
        if (valid.Count == 0)
            return IngestResults.Invalid("No valid record in the request", rejected);
        if (DeviceScope.Check(keyDevice, valid.Select(r => (r.Record!.DeviceId, RejectedInput.Of(r, "deviceId")))) is { } forbidden)
            return forbidden;

        var tenant = http.User.RequiredTenantId();
        var messages = DeviceEventMessages.For(tenant, valid.ConvertAll(r => r.Record!));
        if (await Publication.PublishAsync(http, publisher, limits, tenant, messages, i => RejectedInput.Of(valid[i], "record")) is { } failed)
            return failed;

        return Results.Accepted(value: new AcceptedRecords(valid.Count, rejected));
    }

    /// <summary>application/xml, text/xml or any +xml type, whatever its charset (the document declares its own).</summary>
    internal static bool IsXml(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && (type.MediaType.Equals("application/xml", StringComparison.OrdinalIgnoreCase)
            || type.MediaType.Equals("text/xml", StringComparison.OrdinalIgnoreCase)
            || type.MediaType.Value?.EndsWith("+xml", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>The request's records, read while its body is held; the body goes back to the pool before publishing.</summary>
    private static async Task<(CollectorBatch? Batch, IResult? Problem)> ReadAsync(
        HttpContext http, CollectorRecordReader reader, EventXmlReader xmlReader, long maxBytes, Guid? keyDevice)
    {
        using var body = await RequestBody.ReadAsync(http, maxBytes);
        if (body is null)
            return (null, IngestResults.BodyTooLarge(maxBytes));
        if (!IsXml(http.Request.ContentType))
            return (reader.ReadAll(body.Memory), null);

        var device = keyDevice;
        if (http.Request.Query.TryGetValue("deviceId", out var text))
        {
            if (!Guid.TryParse(text, out var parsed))
                return (null, IngestResults.Invalid("deviceId", "deviceId must be the Entra device GUID"));
            if (DeviceScope.Check(keyDevice, parsed, RejectedInput.Whole("deviceId")) is { } forbidden)
                return (null, forbidden);
            device = parsed;
        }

        return (new CollectorBatch(xmlReader.Read(body.Memory, _ => device).ToList()), null);
    }

    private sealed record AcceptedRecords(int Accepted, IReadOnlyList<RejectedInput> Rejected);
}
