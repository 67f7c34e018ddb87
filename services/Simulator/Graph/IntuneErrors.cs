using System.Text.Encodings.Web;
using System.Text.Json;
using Whfb.Simulator.Graph.Routing;

namespace Whfb.Simulator.Graph;

/// <summary>
/// Intune's error answers: Graph's error body whose message is Intune's own JSON envelope (<c>_version</c> 3, a
/// <c>Message</c> ending in the operation id, activity id and Intune URL, and empty retry fields).
/// </summary>
public static class IntuneErrors
{
    // Intune's envelope carries quotes and apostrophes as they are, not as \u0027 escapes.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static GraphResponse BadRequest(string message, GraphRequest request) =>
        GraphErrors.Response(400, "BadRequest", Envelope(message, request));

    public static string Envelope(string message, GraphRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["_version"] = 3,
            ["Message"] = $"{message} - Operation ID (for customer support): 00000000-0000-0000-0000-000000000000 - "
                + $"Activity ID: {Guid.NewGuid()} - Url: {request.VersionRoot}/{request.Path}",
            ["CustomApiErrorPhrase"] = "",
            ["RetryAfter"] = "",
            ["ErrorSourceService"] = "",
            ["HttpHeaders"] = "{}",
        }, Json);
    }
}
