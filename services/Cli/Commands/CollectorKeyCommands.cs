using System.CommandLine;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Spectre.Console;

namespace Whfb.Cli.Commands;

/// <summary>
/// <c>whfb collector-key create|list|revoke</c>: manage the device collectors' keys of the admin's tenant through Ingest's
/// admin API. The admin API key comes from WHFB_API_KEY, Ingest's URL from WHFB_INGEST_URL.
/// </summary>
public static class CollectorKeyCommands
{
    private const string Path = "/v1/admin/collector-keys";

    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "What the key is for, e.g. 'Intune remediation, ring 1'" };
        var create = new Command("create", "Create a collector key; the key is printed this once") { name };
        create.SetAction((parse, ct) => RunAsync(async http =>
        {
            var key = await ReadAsync(await http.PostAsJsonAsync(Path, new { name = parse.GetValue(name) }, ct), ct);
            AnsiConsole.MarkupLine($"Created collector key [bold]{key.GetProperty("id")}[/] ({Markup.Escape(key.GetProperty("name").GetString()!)}).");
            AnsiConsole.MarkupLine("Store it in the collector's configuration now; it is not shown again:");
            Console.WriteLine(key.GetProperty("key").GetString());
        }));

        var json = new Option<bool>("--json") { Description = "Print the JSON answer instead of a table" };
        var list = new Command("list", "List the tenant's collector keys (no secrets)") { json };
        list.SetAction((parse, ct) => RunAsync(async http =>
        {
            var keys = await ReadAsync(await http.GetAsync(Path, ct), ct);
            if (parse.GetValue(json))
            {
                Console.WriteLine(keys.GetRawText());
                return;
            }

            var table = new Table().AddColumns("Id", "Name", "Prefix", "Created", "By", "Revoked");
            foreach (var k in keys.EnumerateArray())
            {
                table.AddRow(Text(k, "id"), Text(k, "name"), Text(k, "keyPrefix") + "…", Text(k, "createdAt"), Text(k, "createdBy"), Text(k, "revokedAt"));
            }

            AnsiConsole.Write(table);
        }));

        var id = new Argument<Guid>("id") { Description = "The key's id (from list)" };
        var revoke = new Command("revoke", "Revoke a collector key (takes effect within seconds)") { id };
        revoke.SetAction((parse, ct) => RunAsync(async http =>
        {
            await ReadAsync(await http.DeleteAsync($"{Path}/{parse.GetValue(id)}", ct), ct);
            AnsiConsole.MarkupLine($"Revoked {parse.GetValue(id)}.");
        }));

        return new Command("collector-key", "Manage device collectors' keys (needs an admin API key in WHFB_API_KEY)") { create, list, revoke };
    }

    private static async Task<int> RunAsync(Func<HttpClient, Task> action)
    {
        if (Environment.GetEnvironmentVariable("WHFB_API_KEY") is not { Length: > 0 } apiKey)
        {
            await Console.Error.WriteLineAsync("Set WHFB_API_KEY to an admin API key of your tenant.");
            return 2;
        }

        using var http = new HttpClient { BaseAddress = ServiceEndpoints.Of("ingest"), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", apiKey);
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
    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            var problem = text.Length > 0 && text.TrimStart().StartsWith('{') ? JsonDocument.Parse(text).RootElement : default;
            throw new HttpRequestException($"{(int)response.StatusCode} {Text(problem, "title")} {Text(problem, "detail")}".TrimEnd());
        }

        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static string Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null
            ? Markup.Escape(value.ToString())
            : "";
}
