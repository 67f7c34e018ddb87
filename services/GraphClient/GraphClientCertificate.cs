using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Whfb.GraphClient;

/// <summary>
/// Loads the app's certificate with its private key from a file: PEM (certificate and key in one file, the key
/// encrypted when a password is given) or PKCS#12 (.pfx / .p12, with an optional password).
/// </summary>
public static class GraphClientCertificate
{
    /// <summary>The certificate, or null with the reason in <paramref name="problem"/> (never the password).</summary>
    public static X509Certificate2? TryLoad(string path, string? password, out string? problem)
    {
        problem = null;
        try
        {
            var pem = File.ReadAllText(path) is var text && text.Contains("-----BEGIN ", StringComparison.Ordinal) ? text : null;
            if (pem is not null && !pem.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
            {
                problem = $"'{path}' holds no private key for its certificate (PEM: the certificate and its key in one file).";
                return null;
            }

            var certificate = pem is not null
                ? password is null ? X509Certificate2.CreateFromPemFile(path) : X509Certificate2.CreateFromEncryptedPemFile(path, password)
                : X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
            if (certificate.HasPrivateKey)
            {
                return certificate;
            }

            certificate.Dispose();
            problem = $"'{path}' holds no private key for its certificate.";
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            problem = $"'{path}' is not a readable PEM (certificate and private key) or PKCS#12 file, or its password is wrong ({e.GetType().Name}).";
        }

        return null;
    }
}
