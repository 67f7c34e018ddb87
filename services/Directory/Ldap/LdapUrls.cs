namespace Whfb.Directory.Ldap;

/// <summary>What an LDAP URL says: scheme, host and port (389 / 636 when it names none).</summary>
internal static class LdapUrls
{
    public static bool IsLdaps(Uri url) => string.Equals(url.Scheme, "ldaps", StringComparison.OrdinalIgnoreCase);

    public static bool IsLdap(Uri url) => string.Equals(url.Scheme, "ldap", StringComparison.OrdinalIgnoreCase);

    public static int Port(Uri url) => url.IsDefaultPort || url.Port <= 0 ? (IsLdaps(url) ? 636 : 389) : url.Port;
}
