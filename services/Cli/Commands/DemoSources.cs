using System.Net.Http.Headers;
using System.Text.Json;
using Whfb.Cli.Http;

namespace Whfb.Cli.Commands;

/// <summary>
/// Everything the demo summary reads, fetched once: the simulator's admin routes (no key, loopback only) and the
/// services' APIs with the operator key from WHFB_API_KEY. A source that fails is noted in <see cref="Problems"/>
/// and its section says so, instead of failing the whole summary.
/// </summary>
internal sealed class DemoSources : IDisposable
{
    private const int PageSize = 500;
    private readonly HttpClient _http = CliHttp.Create(CliClient.Api);
    private readonly string? _key = Environment.GetEnvironmentVariable("WHFB_API_KEY");

    public List<string> Problems { get; } = [];

    public static Uri Simulator => new(Environment.GetEnvironmentVariable("WHFB_SIMULATOR_URL") is { Length: > 0 } url ? url : "http://127.0.0.1:5105");

    public Task<JsonElement?> SimulatorAsync(string path, CancellationToken ct) => GetAsync("simulator", new Uri(Simulator, path), false, ct);

    public Task<JsonElement?> ServiceAsync(string service, string path, CancellationToken ct) =>
        GetAsync(service, new Uri(ServiceEndpoints.Of(service), path), true, ct);

    /// <summary>Every key of a SyncTracker state, page by page.</summary>
    public async Task<List<JsonElement>> KeysAsync(string state, CancellationToken ct)
    {
        var keys = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            if (await ServiceAsync("synctracker", $"/v1/keys?state={state}&page={page}&pageSize={PageSize}", ct) is not { } body)
            {
                return keys;
            }

            var items = body.GetProperty("items").EnumerateArray().ToList();
            keys.AddRange(items);
            if (items.Count < PageSize)
            {
                return keys;
            }
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<JsonElement?> GetAsync(string source, Uri url, bool authenticated, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (authenticated)
        {
            if (string.IsNullOrWhiteSpace(_key))
            {
                Note(source, "set WHFB_API_KEY to an operator key of the tenant");
                return null;
            }

            request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", _key);
        }

        try
        {
            using var response = await _http.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (response.IsSuccessStatusCode)
            {
                return JsonDocument.Parse(body).RootElement.Clone();
            }

            Note(source, $"{url.PathAndQuery}: {(int)response.StatusCode} {response.ReasonPhrase}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            Note(source, $"{url.PathAndQuery}: {e.Message}");
        }

        return null;
    }

    private void Note(string source, string problem)
    {
        var line = $"{source}: {problem}";
        if (!Problems.Contains(line))
        {
            Problems.Add(line);
        }
    }
}
