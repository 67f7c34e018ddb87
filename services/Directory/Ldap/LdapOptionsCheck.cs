using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Whfb.Directory.Ldap;

/// <summary>
/// What is wrong with a directory configuration, checked before any connection (services also check it at start):
/// above all, a password that would cross the network in clear text.
/// </summary>
public static class LdapOptionsCheck
{
    private static readonly string[] UncheckedCertificateModes = ["never", "allow", "try"];

    /// <summary>Every problem, one sentence each naming the setting; empty when the options can be used.</summary>
    public static IReadOnlyList<string> Problems(LdapDirectoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        foreach (var url in options.Servers)
        {
            if (!url.IsAbsoluteUri || !(LdapUrls.IsLdap(url) || LdapUrls.IsLdaps(url)) || string.IsNullOrEmpty(url.Host))
            {
                problems.Add($"'{url}' is not an ldap:// or ldaps:// URL with a host.");
            }
            else if (options.StartTls && LdapUrls.IsLdaps(url))
            {
                problems.Add($"StartTls upgrades ldap:// connections; '{url}' is ldaps:// already.");
            }
        }

        problems.AddRange(options.BindMode switch
        {
            LdapBindMode.Simple => SimpleBindProblems(options),
            LdapBindMode.Negotiate => NegotiateProblems(options),
            _ => [],
        });
        problems.AddRange(TlsProblems(options));
        if (options.PageSize < 1 || options.Timeout <= TimeSpan.Zero)
        {
            problems.Add("PageSize and Timeout must be positive.");
        }

        return problems;
    }

    /// <summary>Throws <see cref="DirectoryConfigurationException"/> listing <see cref="Problems"/>, if any.</summary>
    public static void EnsureUsable(LdapDirectoryOptions options)
    {
        var problems = Problems(options);
        if (problems.Count > 0)
        {
            throw new DirectoryConfigurationException(problems);
        }
    }

    private static IEnumerable<string> SimpleBindProblems(LdapDirectoryOptions options)
    {
        if (string.IsNullOrEmpty(options.BindDn) || string.IsNullOrEmpty(options.Password))
        {
            yield return "A simple bind needs BindDn and a password.";
        }

        foreach (var url in options.Servers.Where(u => LdapUrls.IsLdap(u) && !options.UsesTls(u) && !options.AllowPlainTextBind))
        {
            yield return $"A simple bind over '{url}' would send the password unencrypted: use ldaps://, StartTls or the "
                + "Negotiate (Kerberos) bind, or set AllowPlainTextBind for a test directory.";
        }
    }

    private static IEnumerable<string> NegotiateProblems(LdapDirectoryOptions options)
    {
        if (options.BindDn is not null || options.Password is not null)
        {
            // .NET on Linux hands GSSAPI no explicit credentials (LDAP_NOT_SUPPORTED): only a ticket cache or keytab works.
            yield return "The Negotiate bind takes its credentials from the Kerberos ticket cache or client keytab "
                + "(KRB5CCNAME, KRB5_CLIENT_KTNAME): leave BindDn and the password empty.";
        }

        foreach (var url in options.Servers.Where(options.UsesTls))
        {
            // AD and Samba refuse Kerberos signing and sealing inside TLS ("Sign or Seal are not allowed if TLS is used"), and
            // System.DirectoryServices.Protocols cannot turn the SASL security layer off for one connection.
            yield return $"The Negotiate bind is sealed by Kerberos itself and AD refuses it inside TLS: use ldap:// instead of '{url}' "
                + "(and no StartTls).";
        }
    }

    private static IEnumerable<string> TlsProblems(LdapDirectoryOptions options)
    {
        var tls = options.Servers.Any(options.UsesTls);
        if (tls && Environment.GetEnvironmentVariable("LDAPTLS_REQCERT") is { } reqcert
            && UncheckedCertificateModes.Contains(reqcert.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            yield return $"LDAPTLS_REQCERT={reqcert} in the environment turns off the certificate check of every LDAP connection "
                + "of this process: remove it and set CaCertificatesFile to the CA that signs the domain controllers' certificates.";
        }

        if (options.CaCertificatesFile is not { Length: > 0 } file)
        {
            yield break;
        }

        if (!tls)
        {
            yield return "CaCertificatesFile is only used by ldaps:// URLs or StartTls.";
        }
        else if (OperatingSystem.IsWindows())
        {
            yield return "CaCertificatesFile is for OpenLDAP (Linux, macOS); on Windows trust the CA in the machine's certificate store.";
        }
        else if (!ContainsCertificates(file))
        {
            yield return $"CaCertificatesFile '{file}' does not exist or holds no PEM certificate.";
        }
    }

    private static bool ContainsCertificates(string file)
    {
        try
        {
            var certificates = new X509Certificate2Collection();
            certificates.ImportFromPemFile(file);
            return certificates.Count > 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            return false;
        }
    }
}
