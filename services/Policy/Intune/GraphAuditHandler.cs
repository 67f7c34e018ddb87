using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;

namespace Whfb.Policy.Intune;

/// <summary>
/// Innermost SDK middleware: records every attempt on the wire (retried and throttled ones too) with method, URL,
/// request body, status, response body, duration and the caller of <see cref="GraphCallScope"/>. Headers are not
/// recorded, so the bearer token never reaches the audit log; the client secret never passes through here.
/// </summary>
public sealed class GraphAuditHandler(IServiceScopeFactory scopes, TimeProvider time) : DelegatingHandler
{
    public const int MaxBodyChars = 32_000;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var caller = GraphCallScope.Current;
        var at = time.GetUtcNow();
        var started = time.GetTimestamp();
        var requestBody = await ReadAsync(request.Content, cancellationToken);
        HttpResponseMessage? response = null;
        string? responseBody = null;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
            responseBody = await ReadAsync(response.Content, cancellationToken);
            return response;
        }
        finally
        {
            var entry = new GraphAuditEntry(
                caller?.TenantId ?? Guid.Empty, caller?.Actor ?? "(unknown)", caller?.RolloutId, request.Method.Method,
                request.RequestUri?.ToString() ?? "", requestBody, response is null ? null : (int)response.StatusCode, responseBody,
                at, time.GetElapsedTime(started));
            await RecordAsync(entry);
        }
    }

    private async Task RecordAsync(GraphAuditEntry entry)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (scope.ServiceProvider.GetService<IGraphAuditLog>() is { } log)
        {
            // The audit write must happen even when the caller's token fires after the response came back.
            await log.RecordAsync(entry, CancellationToken.None);
        }
    }

    /// <summary>Buffers the content (so the SDK can still read it) and returns its text, cut at <see cref="MaxBodyChars"/>.</summary>
    private static async Task<string?> ReadAsync(HttpContent? content, CancellationToken ct)
    {
        if (content is null || !IsText(content.Headers.ContentType))
        {
            return null;
        }

        await content.LoadIntoBufferAsync(ct);
        var text = await content.ReadAsStringAsync(ct);
        return text.Length == 0 ? null : text.Length > MaxBodyChars ? text[..MaxBodyChars] + "…" : text;
    }

    private static bool IsText(MediaTypeHeaderValue? type) => type?.MediaType is null
        || type.MediaType.Contains("json", StringComparison.OrdinalIgnoreCase)
        || type.MediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase);
}
