using System.Net.Http.Headers;
using System.Text.Json;
using Whfb.Cli.Http;

namespace Whfb.Cli.Commands;

/// <summary>GETs from the SyncTracker API (WHFB_SYNCTRACKER_URL) with the operator's key from WHFB_API_KEY.</summary>
internal static class SyncTrackerClient
{
    public static async Task<JsonElement> GetJsonAsync(string path, CancellationToken ct)
    {
        if (Environment.GetEnvironmentVariable("WHFB_API_KEY") is not { Length: > 0 } key)
        {
            throw new InvalidOperationException("Set WHFB_API_KEY to an operator (or admin) API key of your tenant");
        }

        using var http = CliHttp.Create(CliClient.Api, ServiceEndpoints.Of("synctracker"), new AuthenticationHeaderValue("ApiKey", key));
        using var response = await http.GetAsync(path, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(body).RootElement.Clone()
            : throw new InvalidOperationException($"{(int)response.StatusCode} {response.ReasonPhrase}: {body}");
    }
}
