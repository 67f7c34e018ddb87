namespace Whfb.GraphClient;

/// <summary>
/// Where and as which app to call Microsoft Graph. Bind from configuration (section <c>Graph</c>); the client
/// secret comes from a secret store or the environment, never from appsettings, and is never logged.
/// </summary>
public sealed record GraphConnectionOptions
{
    public const string SectionName = "Graph";

    public required string TenantId { get; init; }

    public required string ClientId { get; init; }

    public required string ClientSecret { get; init; }

    /// <summary>The Entra authority host (https only; Azure.Identity refuses http).</summary>
    public Uri AuthorityHost { get; init; } = new("https://login.microsoftonline.com/");

    /// <summary>Graph's base URL including the version segment.</summary>
    public Uri BaseUrl { get; init; } = new("https://graph.microsoft.com/v1.0");

    /// <summary>PEM or DER file of a certificate to trust exactly (an emulator's self-signed one).</summary>
    public string? PinnedCertificatePath { get; init; }

    /// <summary>SHA-1 thumbprint of a certificate to trust exactly (alternative to the file).</summary>
    public string? PinnedCertificateThumbprint { get; init; }

    /// <summary>The scope requested for app-only tokens: the resource of the base URL plus /.default.</summary>
    public string Scope => BaseUrl.Host.Equals("graph.microsoft.com", StringComparison.OrdinalIgnoreCase)
        ? "https://graph.microsoft.com/.default"
        : $"{BaseUrl.Scheme}://{BaseUrl.Authority}/.default";

    public override string ToString() => $"{ClientId}@{TenantId} → {BaseUrl} (authority {AuthorityHost})";
}
