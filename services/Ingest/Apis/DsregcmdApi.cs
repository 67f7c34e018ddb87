using System.Text;
using System.Text.Unicode;
using Microsoft.Extensions.Options;
using Whfb.DeviceReports.Dsregcmd;
using Whfb.DeviceReports.Records;
using Whfb.Ingest.Publishing;
using Whfb.ServiceDefaults.Security;

namespace Whfb.Ingest.Apis;

/// <summary>
/// <c>POST /v1/dsregcmd</c>: the raw text of <c>dsregcmd /status</c> (text/plain). The device is the <c>deviceId</c> query
/// parameter or, without it, the DeviceId printed in the text (or a device key's own device); <c>collectedAt</c> (query,
/// ISO 8601) defaults to now. A device key's report naming another device, in the query or the text, is refused.
/// </summary>
public static class DsregcmdApi
{
    internal static async Task<IResult> AcceptAsync(
        HttpContext http, ConfirmedPublisher publisher, TimeProvider time, CollectorRecordReaderOptions limits, IOptions<IngestOptions> options)
    {
        Guid? deviceId = null;
        if (http.Request.Query["deviceId"].ToString() is { Length: > 0 } deviceText)
            deviceId = Guid.TryParse(deviceText, out var parsed) ? parsed : null;
        if (deviceId is null && http.Request.Query.ContainsKey("deviceId"))
            return IngestResults.Invalid("deviceId", "deviceId must be the Entra device GUID");

        var collectedAt = time.GetUtcNow();
        if (http.Request.Query["collectedAt"].ToString() is { Length: > 0 } timeText && !ReportTime.TryParse(timeText, out collectedAt))
            return IngestResults.Invalid("collectedAt", "collectedAt must be an ISO 8601 time");
        if (ReportTime.Problem(collectedAt, time, limits) is { } timeProblem)
            return IngestResults.Invalid("collectedAt", timeProblem);

        var (text, problem) = await ReadTextAsync(http, options.Value.MaxBodyBytes);
        if (text is null)
            return problem!;
        if (text.IndexOf('\0', StringComparison.Ordinal) is var nul and >= 0)
            return IngestResults.Invalid("body", $"line {text.AsSpan(0, nul).Count('\n') + 1} {StorableText.Reason}");

        var status = DsregcmdParser.Parse(text);
        if (DeviceScope.Of(http) is { } keyDevice)
        {
            if ((DeviceScope.Check(keyDevice, deviceId ?? keyDevice, RejectedInput.Whole("deviceId"))
                ?? DeviceScope.Check(keyDevice, status.DeviceDetails.DeviceId ?? keyDevice, DeviceIdLine(text))) is { } forbidden)
                return forbidden;
            deviceId = keyDevice;
        }

        if (deviceId is null && status.DeviceDetails.DeviceId is null)
            return IngestResults.Invalid("deviceId", "No DeviceId in the text: pass ?deviceId=<Entra device GUID>");

        var tenant = http.User.RequiredTenantId();
        var reported = DeviceStatusMapper.ToReported(status, tenant, deviceId, collectedAt);
        if (await Publication.PublishAsync(http, publisher, options.Value, tenant, [reported], _ => RejectedInput.Whole("body")) is { } failed)
            return failed;

        return Results.Accepted(value: new AcceptedStatus(reported.EventId, reported.DeviceId, reported.JoinType.ToString(), status.Warnings.Count));
    }

    /// <summary>Where the text prints its DeviceId (the "DeviceId :" line of Device Details).</summary>
    private static RejectedInput DeviceIdLine(string text)
    {
        var line = 1;
        foreach (var row in text.AsSpan().EnumerateLines())
        {
            if (row.TrimStart().StartsWith("DeviceId", StringComparison.OrdinalIgnoreCase) && row.Contains(':'))
                break;
            line++;
        }

        return new RejectedInput(line, 0, "DeviceId", "$", "", "");
    }

    private static async Task<(string? Text, IResult? Problem)> ReadTextAsync(HttpContext http, long maxBytes)
    {
        using var body = await RequestBody.ReadAsync(http, maxBytes);
        if (body is null)
            return (null, IngestResults.BodyTooLarge(maxBytes));
        return Utf8.IsValid(body.Span)
            ? (Encoding.UTF8.GetString(body.Span), null)
            : (null, IngestResults.Invalid("body", "The text is not valid UTF-8"));
    }

    private sealed record AcceptedStatus(Guid EventId, Guid DeviceId, string JoinType, int Warnings);
}
