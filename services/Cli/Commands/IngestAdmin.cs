using System.Net.Http.Headers;
using System.Text.Json;
using Spectre.Console;
using Whfb.Cli.Http;

namespace Whfb.Cli.Commands;

/// <summary>Calls to Ingest's admin API with the admin API key from WHFB_API_KEY (Ingest's URL from WHFB_INGEST_URL).</summary>
internal static class IngestAdmin
{
    public const string KeysPath = "/v1/admin/collector-keys";

    public static async Task<int> RunAsync(Func<HttpClient, Task> action)
    {
        if (Environment.GetEnvironmentVariable("WHFB_API_KEY") is not { Length: > 0 } apiKey)
        {
            await Console.Error.WriteLineAsync("Set WHFB_API_KEY to an admin API key of your tenant.");
            return 2;
        }

        using var http = CliHttp.Create(CliClient.Api, ServiceEndpoints.Of("ingest"), new AuthenticationHeaderValue("ApiKey", apiKey));
        try
        {
            await action(http);
            return 0;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
    }

    /// <summary>The JSON answer, or an exception carrying the problem's title and detail.</summary>
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            var problem = text.Length > 0 && text.TrimStart().StartsWith('{') ? JsonDocument.Parse(text).RootElement : default;
            throw new HttpRequestException($"{(int)response.StatusCode} {Text(problem, "title")} {Text(problem, "detail")}".TrimEnd());
        }

        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A property as escaped console markup; empty when absent or null.</summary>
    public static string Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null
            ? Markup.Escape(value.ToString())
            : "";
}
