namespace Whfb.ServiceDefaults.Telemetry;

/// <summary>
/// Outgoing requests whose URL is itself a secret (chat webhooks carry their credential in the path) set
/// <see cref="Option"/>; their traces then show scheme, host and port only.
/// </summary>
public static class RedactedUrl
{
    public static readonly HttpRequestOptionsKey<bool> Option = new("whfb.redact-url");

    public static bool IsRequested(HttpRequestMessage request) =>
        request is not null && request.Options.TryGetValue(Option, out var redact) && redact;

    public static string Of(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return $"{url.Scheme}://{url.Authority}/[redacted]";
    }
}
