using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Whfb.Cli.Http;

namespace Whfb.Cli.Commands;

/// <summary>
/// The Policy service's rollout API (WHFB_POLICY_URL) with the key from WHFB_API_KEY (admin for writes, operator for
/// reads). A failed call becomes an <see cref="InvalidOperationException"/> with the status and the problem's text.
/// </summary>
internal sealed class RolloutClient : IDisposable
{
    private const string Root = "/v1/rollouts";
    private readonly HttpClient _http;

    public RolloutClient()
    {
        if (Environment.GetEnvironmentVariable("WHFB_API_KEY") is not { Length: > 0 } key)
        {
            throw new InvalidOperationException("Set WHFB_API_KEY to an admin (writes) or operator (reads) API key of your tenant");
        }

        _http = CliHttp.Create(CliClient.Rollouts, ServiceEndpoints.Of("policy"), new AuthenticationHeaderValue("ApiKey", key));
    }

    public Task<JsonElement> ListAsync(CancellationToken ct) => SendAsync(HttpMethod.Get, Root, null, ct);

    public Task<JsonElement> StatusAsync(Guid id, CancellationToken ct) => SendAsync(HttpMethod.Get, $"{Root}/{id}", null, ct);

    public Task<JsonElement> AuditAsync(Guid id, CancellationToken ct) => SendAsync(HttpMethod.Get, $"{Root}/{id}/audit", null, ct);

    public Task<JsonElement> CreateAsync(string planJson, CancellationToken ct) => SendAsync(HttpMethod.Post, Root, planJson, ct);

    /// <summary>POST /v1/rollouts/{id}/{action} (start, advance, pause, resume, abort) with an optional JSON body.</summary>
    public Task<JsonElement> ActAsync(Guid id, string action, object? body, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"{Root}/{id}/{action}", body is null ? null : JsonSerializer.Serialize(body), ct);

    public void Dispose() => _http.Dispose();

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, string? json, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode} {response.ReasonPhrase}: {ProblemText(text)}".TrimEnd(' ', ':'));
        }

        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>title, detail and field errors of an RFC 7807 problem; other bodies as they are.</summary>
    private static string ProblemText(string body)
    {
        if (!body.TrimStart().StartsWith('{'))
        {
            return body;
        }

        var problem = JsonDocument.Parse(body).RootElement;
        var parts = new List<string>();
        foreach (var name in new[] { "title", "detail" })
        {
            if (problem.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
            {
                parts.Add(value.GetString()!);
            }
        }

        if (problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
        {
            parts.AddRange(errors.EnumerateObject().Select(e => $"{e.Name}: {string.Join(" ", e.Value.EnumerateArray().Select(m => m.ToString()))}"));
        }

        return string.Join(" — ", parts);
    }
}
