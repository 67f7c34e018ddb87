using System.Text.Json;
using Whfb.Ingest.Security;

namespace Whfb.Ingest.Apis;

/// <summary>
/// <c>POST /v1/enroll</c> with the tenant's enrollment key and <c>{"deviceId": "&lt;Entra device id&gt;", "deviceName":
/// "…"}</c>: 201 with a new key bound to that device, shown this once (only its hash is stored). Enrolling the device
/// again replaces its key. The device key then posts that device's records only.
/// </summary>
public static partial class EnrollApi
{
    private const int MaxBodyBytes = 4096;

    public static WebApplication MapEnrollApi(this WebApplication app)
    {
        app.MapPost("/v1/enroll", EnrollAsync)
            .RequireAuthorization(CollectorAuth.EnrollPolicy).RequireRateLimiting(CollectorRateLimiting.Policy)
            .Accepts<EnrollRequest>("application/json")
            .Produces<EnrolledDevice>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }

    private static async Task<IResult> EnrollAsync(HttpContext http, DeviceEnrollment enrollment, ILoggerFactory logs, CancellationToken ct)
    {
        JsonDocument document;
        using (var body = await RequestBody.ReadAsync(http, MaxBodyBytes))
        {
            if (body is null)
                return IngestResults.BodyTooLarge(MaxBodyBytes);
            try
            {
                // Parsed from a copy: the pooled body goes back before the document is read.
                document = JsonDocument.Parse(body.Memory.ToArray());
            }
            catch (JsonException e)
            {
                return IngestResults.Invalid("body", "Malformed JSON: " + e.Message);
            }
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return IngestResults.Invalid("body", "The body must be a JSON object with deviceId and deviceName");
            if (!document.RootElement.TryGetProperty("deviceId", out var id) || id.ValueKind != JsonValueKind.String || !id.TryGetGuid(out var deviceId) || deviceId == Guid.Empty)
                return IngestResults.Invalid("deviceId", "deviceId must be the device's Entra device id (the DeviceId line of dsregcmd /status)");
            if (DeviceName(document.RootElement, deviceId) is not { } name)
                return IngestResults.Invalid("deviceName", "deviceName must be a text of 1 to 200 characters without control characters");

            var collector = http.User.Collector();
            var enrolled = await enrollment.EnrollAsync(collector, deviceId, name, ct);
            LogEnrolled(logs.CreateLogger(typeof(EnrollApi)), deviceId, collector.TenantId, enrolled.Entity.Id, enrolled.Replaced);
            var key = enrolled.Entity;
            return Results.Created($"/v1/admin/collector-keys/{key.Id}",
                new EnrolledDevice(key.Id, deviceId, key.Name, enrolled.Key, key.KeyPrefix, key.CreatedAt, enrolled.Replaced));
        }
    }

    /// <summary>The name given (trimmed), the device id when none is; null when what was given cannot be stored.</summary>
    private static string? DeviceName(JsonElement root, Guid deviceId)
    {
        if (!root.TryGetProperty("deviceName", out var value) || value.ValueKind == JsonValueKind.Null)
            return deviceId.ToString();
        if (value.ValueKind != JsonValueKind.String)
            return null;
        try
        {
            var name = value.GetString()!.Trim();
            return name.Length is 0 or > 200 || name.Any(char.IsControl) ? null : name;
        }
        catch (InvalidOperationException)
        {
            // a lone surrogate escape: no text PostgreSQL can store
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Device {DeviceId} of tenant {TenantId} enrolled: key {KeyId} (replacing {ReplacedKeyId})")]
    private static partial void LogEnrolled(ILogger logger, Guid deviceId, Guid tenantId, Guid keyId, Guid? replacedKeyId);

    public sealed record EnrollRequest(Guid DeviceId, string? DeviceName);

    /// <param name="Key">The device key: shown this once; the collector keeps it where only SYSTEM can read it.</param>
    /// <param name="Replaced">The device's previous key, revoked by this enrollment.</param>
    public sealed record EnrolledDevice(Guid Id, Guid DeviceId, string DeviceName, string Key, string KeyPrefix, DateTimeOffset CreatedAt, Guid? Replaced);
}
