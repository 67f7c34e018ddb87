using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Whfb.GraphClient;

/// <summary>
/// Trusts one exact server certificate (by thumbprint) instead of the machine's roots: for an emulator's
/// self-signed certificate. Anything else still goes through normal chain validation.
/// </summary>
public sealed class CertificatePin
{
    private readonly string _thumbprint;

    public CertificatePin(string thumbprint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(thumbprint);
        _thumbprint = thumbprint.Replace(":", "", StringComparison.Ordinal).Trim();
    }

    public static CertificatePin? From(GraphConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.PinnedCertificateThumbprint is { Length: > 0 } thumbprint)
        {
            return new CertificatePin(thumbprint);
        }

        return options.PinnedCertificatePath is { Length: > 0 } path
            ? new CertificatePin(X509CertificateLoader.LoadCertificateFromFile(path).Thumbprint)
            : null;
    }

    public bool Accepts(X509Certificate2? certificate, SslPolicyErrors errors) =>
        errors == SslPolicyErrors.None
        || (certificate is not null && string.Equals(certificate.Thumbprint, _thumbprint, StringComparison.OrdinalIgnoreCase));

    /// <summary>A socket handler that applies the pin (and only it) to server certificate validation.</summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                Accepts(certificate as X509Certificate2 ?? (certificate is null ? null : new X509Certificate2(certificate)), errors),
        },
    };
}
