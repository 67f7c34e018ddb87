using System.Text.Json;
using Microsoft.Graph.Models.ODataErrors;

namespace Whfb.Policy.Intune;

/// <summary>A failed <c>$batch</c> step as the SDK reports a failed request: an <see cref="ODataError"/> with its status, code and message.</summary>
internal static class BatchStepError
{
    public static async Task<ODataError> ReadAsync(HttpResponseMessage step, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(step);
        var text = step.Content is null ? "" : await step.Content.ReadAsStringAsync(ct);
        var (code, message) = Parse(text);
        return new ODataError
        {
            ResponseStatusCode = (int)step.StatusCode,
            Error = new MainError { Code = code ?? step.StatusCode.ToString(), Message = message ?? text },
        };
    }

    private static (string? Code, string? Message) Parse(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            return json.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                ? (Text(error, "code"), Text(error, "message"))
                : (null, null);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? Text(JsonElement error, string name) =>
        error.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
