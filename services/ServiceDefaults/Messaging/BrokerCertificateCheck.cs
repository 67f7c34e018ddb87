using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Whfb.ServiceDefaults.Messaging;

/// <summary>
/// Decides whether the broker's TLS certificate is trusted: signed by a CA of <see cref="RabbitMqOptions.CaCertificatesFile"/>
/// (or, without one, by the operating system's roots) and naming the host the service connects to.
/// </summary>
internal static class BrokerCertificateCheck
{
    public static RemoteCertificateValidationCallback For(string? caCertificatesFile)
    {
        if (caCertificatesFile is not { Length: > 0 })
        {
            return (_, _, _, errors) => errors == SslPolicyErrors.None;
        }

        var roots = LoadRoots(caCertificatesFile);
        return (_, certificate, presented, errors) =>
        {
            // The name check stays with the platform's TLS stack; only the chain is judged against our roots instead of the system's.
            if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
            {
                return false;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(roots);
            // A private broker CA seldom publishes revocation lists; an online check would refuse every connection.
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            if (presented is not null)
            {
                chain.ChainPolicy.ExtraStore.AddRange(presented.ChainPolicy.ExtraStore);
            }

            using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            return chain.Build(leaf);
        };
    }

    private static X509Certificate2Collection LoadRoots(string file)
    {
        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPemFile(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new InvalidOperationException($"RabbitMq:CaCertificatesFile '{file}' cannot be read: {e.Message}", e);
        }

        return roots.Count > 0 ? roots : throw new InvalidOperationException($"RabbitMq:CaCertificatesFile '{file}' holds no PEM certificate.");
    }
}
