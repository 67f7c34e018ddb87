using Whfb.Directory.Ldap;

namespace Whfb.Testing.Directory;

/// <summary>
/// The real Samba AD DC of <c>deploy/local</c> as the tests reach it: LDAPS trusting the directory's own CA
/// (<c>WHFB_LDAP_URL</c>, <c>WHFB_LDAP_CA_FILE</c> from <c>.local/env.sh</c>), or Kerberos (<c>WHFB_LDAP_KERBEROS_URL</c>,
/// with <c>KRB5_CONFIG</c> naming the realm and the reader's keytab). <c>WHFB_LDAP_ALLOW_PLAIN_BIND=true</c> allows a simple
/// bind over an ldap:// URL (a directory in a container without its CA, for instance). Also compiled into
/// Whfb.Directory.Tests, which has no other use for this project.
/// </summary>
public static class LocalDirectory
{
    public static string BaseDn => Env("WHFB_LDAP_BASE_DN", "DC=whfb,DC=test");

    public static Uri Url => new(Env("WHFB_LDAP_URL", "ldaps://127.0.0.1:636"));

    public static string? CaFile => Environment.GetEnvironmentVariable("WHFB_LDAP_CA_FILE") is { Length: > 0 } file ? file : null;

    public static Uri KerberosUrl => new(Env("WHFB_LDAP_KERBEROS_URL", "ldap://localhost:389"));

    /// <summary>The same DC over plain LDAP (for the tests of what is refused there).</summary>
    public static Uri PlainUrl => new($"ldap://{Url.Host}:389");

    public static string BindDn => Env("WHFB_LDAP_BIND_DN", "CN=Administrator,CN=Users,DC=whfb,DC=test");

    public static string Password => Env("WHFB_LDAP_PASSWORD", "Whfb-Local-Adm1n!");

    public static bool AllowPlainTextBind => string.Equals(Environment.GetEnvironmentVariable("WHFB_LDAP_ALLOW_PLAIN_BIND"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Simple bind as the administrator over the configured (TLS) URL.</summary>
    public static LdapDirectoryOptions Options(params string[] baseDns) => new()
    {
        Url = Url,
        BindDn = BindDn,
        Password = Password,
        CaCertificatesFile = Url.Scheme == "ldaps" ? CaFile : null,
        AllowPlainTextBind = AllowPlainTextBind,
        BaseDns = baseDns.Length == 0 ? [BaseDn] : baseDns,
        Timeout = TimeSpan.FromSeconds(20),
    };

    /// <summary>Kerberos bind as the directory reader of the keytab, over plain LDAP sealed by Kerberos.</summary>
    public static LdapDirectoryOptions KerberosOptions(params string[] baseDns) => new()
    {
        Url = KerberosUrl,
        BindMode = LdapBindMode.Negotiate,
        BaseDns = baseDns.Length == 0 ? [BaseDn] : baseDns,
        Timeout = TimeSpan.FromSeconds(20),
    };

    private static string Env(string name, string fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : fallback;
}
