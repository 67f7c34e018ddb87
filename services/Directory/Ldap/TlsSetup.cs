using System.DirectoryServices.Protocols;

namespace Whfb.Directory.Ldap;

/// <summary>TLS on one connection before the bind: the configured CA certificates, then StartTLS where asked for.</summary>
internal static class TlsSetup
{
    public static void Apply(LdapConnection connection, LdapDirectoryOptions options, Uri url)
    {
        if (!options.UsesTls(url))
        {
            return;
        }

        if (options.CaCertificatesFile is { Length: > 0 } bundle && !OperatingSystem.IsWindows())
        {
            // VerifyServerCertificate throws on Linux; a certificate directory of this connection's own, in a new TLS
            // context (OpenLDAP reads TLS options only when a context is made), is what works per connection.
            connection.SessionOptions.TrustedCertificatesDirectory = TrustedCaDirectory.For(bundle);
            connection.SessionOptions.StartNewTlsSessionContext();
        }

        if (options.StartTls)
        {
            // On Linux the handle learns its server address only with a first operation; StartTLS before it fails with
            // "connection cannot be established". rootDSE is readable anonymously on every DC and holds no secret.
            connection.SendRequest(new SearchRequest(string.Empty, "(objectClass=*)", SearchScope.Base, "supportedExtension"), options.Timeout);
            connection.SessionOptions.StartTransportLayerSecurity(null);
        }
    }
}
