using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Core;
using Whfb.GraphClient;

namespace Whfb.Simulator.Tests.Graph;

/// <summary>Plain HTTP to the emulator (for shapes the SDK hides), with a token from the real credential.</summary>
public sealed class RawGraph(GraphEmulatorFixture emulator, string? clientId = null, string? secret = null) : IDisposable
{
    private readonly HttpClient _http = new(new CertificatePin(emulator.Certificate.Thumbprint).CreateHandler()) { BaseAddress = emulator.HttpsRoot };

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JsonNode? body = null, bool authenticate = true)
    {
        using var request = new HttpRequestMessage(method, path);
        if (authenticate)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync());
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await _http.SendAsync(request);
    }

    public async Task<(int Status, JsonNode? Body)> JsonAsync(HttpMethod method, string path, JsonNode? body = null, bool authenticate = true)
    {
        using var response = await SendAsync(method, path, body, authenticate);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>An access token from the real credential, as the SDK gets one.</summary>
    public async Task<string> TokenAsync()
    {
        var options = emulator.Connection(secret) with { ClientId = clientId ?? GraphEmulatorFixture.ClientId };
        var token = await GraphServiceClientFactory.CreateCredential(options, CertificatePin.From(options))
            .GetTokenAsync(new TokenRequestContext([options.Scope]), default);
        return token.Token;
    }

    public HttpClient Http => _http;

    public void Dispose() => _http.Dispose();
}
