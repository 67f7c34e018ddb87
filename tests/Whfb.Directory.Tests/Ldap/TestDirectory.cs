using Whfb.Directory.Ldap;

namespace Whfb.Directory.Tests.Ldap;

/// <summary>The real Samba AD started by deploy/local/start.sh (settings from .local/env.sh, or these defaults).</summary>
internal static class TestDirectory
{
    public static string BaseDn => Env("WHFB_LDAP_BASE_DN", "DC=whfb,DC=test");

    public static LdapDirectoryOptions Options(params string[] baseDns) => new()
    {
        Url = new Uri(Env("WHFB_LDAP_URL", "ldap://127.0.0.1:389")),
        BindDn = Env("WHFB_LDAP_BIND_DN", "CN=Administrator,CN=Users,DC=whfb,DC=test"),
        Password = Env("WHFB_LDAP_PASSWORD", "Whfb-Local-Adm1n!"),
        BaseDns = baseDns.Length == 0 ? [BaseDn] : baseDns,
        Timeout = TimeSpan.FromSeconds(20),
    };

    private static string Env(string name, string fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : fallback;
}
