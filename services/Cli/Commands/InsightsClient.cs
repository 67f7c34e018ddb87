using System.Net.Http.Headers;
using System.Text.Json;
using Whfb.Cli.Http;

namespace Whfb.Cli.Commands;

/// <summary>Calls the Insights API with the operator's key from WHFB_API_KEY; errors become one readable line.</summary>
internal sealed class InsightsClient : IDisposable
{
    private readonly HttpClient http;

    public InsightsClient()
    {
        var key = Environment.GetEnvironmentVariable("WHFB_API_KEY");
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new InvalidOperationException("Set WHFB_API_KEY to an operator (or admin) API key of your tenant");
        }

        http = CliHttp.Create(CliClient.Reports, ServiceEndpoints.Of("insights"), new AuthenticationHeaderValue("ApiKey", key));
    }

    public async Task<JsonElement> GetJsonAsync(string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, ct);
        return JsonDocument.Parse(await ReadAsync(response, ct)).RootElement.Clone();
    }

    public async Task PostAsync(string path, CancellationToken ct)
    {
        using var response = await http.PostAsync(path, null, ct);
        await ReadAsync(response, ct);
    }

    /// <summary>Streams a CSV export to <paramref name="file"/>, reporting bytes received (total when the server says).</summary>
    public async Task DownloadAsync(string path, string file, Action<long, long?> progress, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/csv");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!response.IsSuccessStatusCode)
        {
            await ReadAsync(response, ct);
        }

        await using var source = await response.Content.ReadAsStreamAsync(ct);
        await using var target = File.Create(file);
        var buffer = new byte[81920];
        long done = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            await target.WriteAsync(buffer.AsMemory(0, read), ct);
            progress(done += read, response.Content.Headers.ContentLength);
        }
    }

    public void Dispose() => http.Dispose();

    private static async Task<string> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        if (response.IsSuccessStatusCode)
        {
            return body;
        }

        var detail = body.Length > 0 && body.TrimStart().StartsWith('{') ? Problem(body) : body;
        throw new InvalidOperationException($"{(int)response.StatusCode} {response.ReasonPhrase}: {detail}");
    }

    private static string Problem(string body)
    {
        using var doc = JsonDocument.Parse(body);
        var root = doc.RootElement;
        var title = root.TryGetProperty("title", out var t) ? t.GetString() : null;
        var errors = root.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object
            ? string.Join("; ", e.EnumerateObject().Select(p => $"{p.Name}: {string.Join(' ', p.Value.EnumerateArray().Select(v => v.GetString()))}"))
            : null;
        return string.Join(" - ", new[] { title, errors }.Where(s => !string.IsNullOrEmpty(s)));
    }
}
