using System.Security.Cryptography.X509Certificates;

namespace Whfb.GraphClient;

/// <summary>
/// Where and as which app to call Microsoft Graph. Read from configuration (section <c>Graph</c>) by
/// <see cref="GraphConnectionLoader"/>: the app proves itself with a certificate (a client assertion) or a client
/// secret, both from a secret file or the environment, never from appsettings, and never logged.
/// </summary>
public sealed record GraphConnectionOptions
{
    public const string SectionName = "Graph";

    public required string TenantId { get; init; }

    public required string ClientId { get; init; }

    /// <summary>The app's client secret; null when it uses <see cref="ClientCertificate"/>.</summary>
    public string? ClientSecret { get; init; }

    /// <summary>The app's certificate with its private key, which signs the client assertion; null when it uses a secret.</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>Sends the certificate itself with each assertion (x5c), for apps trusted by subject name and issuer.</summary>
    public bool SendCertificateChain { get; init; }

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

    public override string ToString() =>
        $"{ClientId}@{TenantId} → {BaseUrl} (authority {AuthorityHost}, {(ClientCertificate is { } c ? $"certificate {c.Thumbprint}" : "client secret")})";
}
