using System.Security.Cryptography;
using Whfb.Directory.KeyCredentials;
using Whfb.Directory.Ldap;

namespace Whfb.SyncTracker.Tests.Support;

/// <summary>An OU of its own on the real Samba AD (settings from .local/env.sh), deleted at the end.</summary>
public sealed class SambaOu : IAsyncDisposable
{
    private readonly DirectoryObjectWriter _objects;
    private readonly KeyCredentialWriter _keys;

    private SambaOu(string dn)
    {
        Dn = dn;
        _objects = new DirectoryObjectWriter(Options());
        _keys = new KeyCredentialWriter(Options());
    }

    public string Dn { get; }

    public static string Url => Env("WHFB_LDAP_URL", "ldap://127.0.0.1:389");

    public static string BindDn => Env("WHFB_LDAP_BIND_DN", "CN=Administrator,CN=Users,DC=whfb,DC=test");

    public static string Password => Env("WHFB_LDAP_PASSWORD", "Whfb-Local-Adm1n!");

    public static async Task<SambaOu> CreateAsync()
    {
        var ou = new SambaOu($"OU=st-{Guid.NewGuid().ToString("N")[..10]},{Env("WHFB_LDAP_BASE_DN", "DC=whfb,DC=test")}");
        await ou._objects.CreateOrganizationalUnitAsync(ou.Dn);
        return ou;
    }

    /// <summary>What SyncTracker needs to scan this OU.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["SyncTracker:Directory:Url"] = Url,
        ["SyncTracker:Directory:BindDn"] = BindDn,
        ["SyncTracker:Directory:Password"] = Password,
        ["SyncTracker:Directory:BaseDns:0"] = Dn,
        ["SyncTracker:Directory:ScanInterval"] = "00:01:00",
        ["SyncTracker:EvaluateInterval"] = "00:01:00",
    };

    public Task<DirectoryUser> CreateUserAsync(string name) => _objects.CreateUserAsync(Dn, name, $"{name}@whfb.test");

    /// <summary>A user named after the prefix plus a random suffix (account names are unique in the whole domain).</summary>
    public Task<DirectoryUser> NewUserAsync(string prefix) => CreateUserAsync($"{prefix}-{Guid.NewGuid().ToString("N")[..6]}");

    /// <summary>Sets adminCount (1 = protected by AdminSDHolder: Entra Connect cannot write its keys).</summary>
    public Task SetAdminCountAsync(DirectoryUser user, int? adminCount) => _objects.SetAdminCountAsync(user.DistinguishedName, adminCount);

    /// <summary>Writes what Entra Connect would for a key of this device created at that time.</summary>
    public async Task AddKeyAsync(DirectoryUser user, Guid deviceId, DateTimeOffset created)
    {
        var spec = KeyCredentialSpec.EntraConnect(RandomNumberGenerator.GetBytes(270), deviceId, created);
        await _keys.AddValueAsync(user.DistinguishedName, KeyCredentialBuilder.BuildDnBinary(spec, user.DistinguishedName));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _objects.DeleteTreeAsync(Dn);
        }
        finally
        {
            _objects.Dispose();
            _keys.Dispose();
        }
    }

    private static LdapDirectoryOptions Options() => new()
    {
        Url = new Uri(Url),
        BindDn = BindDn,
        Password = Password,
        BaseDns = [Env("WHFB_LDAP_BASE_DN", "DC=whfb,DC=test")],
        Timeout = TimeSpan.FromSeconds(20),
    };

    private static string Env(string name, string fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : fallback;
}
