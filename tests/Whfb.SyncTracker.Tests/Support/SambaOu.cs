using System.Security.Cryptography;
using Whfb.Directory.KeyCredentials;
using Whfb.Directory.Ldap;
using Whfb.Testing.Directory;

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

    public static async Task<SambaOu> CreateAsync()
    {
        var ou = new SambaOu($"OU=st-{Guid.NewGuid().ToString("N")[..10]},{LocalDirectory.BaseDn}");
        await ou._objects.CreateOrganizationalUnitAsync(ou.Dn);
        return ou;
    }

    /// <summary>What SyncTracker needs to scan this OU: LDAPS with the directory's CA, as the administrator.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["SyncTracker:Directory:Url"] = LocalDirectory.Url.ToString(),
        ["SyncTracker:Directory:CaCertificatesFile"] = LocalDirectory.Options().CaCertificatesFile,
        ["SyncTracker:Directory:AllowPlainTextBind"] = LocalDirectory.AllowPlainTextBind ? "true" : "false",
        ["SyncTracker:Directory:BindDn"] = LocalDirectory.BindDn,
        ["SyncTracker:Directory:Password"] = LocalDirectory.Password,
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

    private static LdapDirectoryOptions Options() => LocalDirectory.Options();
}
