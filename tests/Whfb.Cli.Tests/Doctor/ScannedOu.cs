using System.Security.Cryptography;
using Whfb.Directory.KeyCredentials;
using Whfb.Directory.Ldap;
using Whfb.Testing.Directory;
using Xunit;

namespace Whfb.Cli.Tests.Doctor;

/// <summary>
/// An OU of our own in the real Samba (deleted at the end) holding users with Entra Connect style keys: what SyncTracker
/// would scan. The doctor reads it as the Kerberos directory reader of the local keytab (<c>whfb-ldap</c>), the account
/// SyncTracker runs as in the demo.
/// </summary>
public sealed class ScannedOu : IAsyncLifetime
{
    public const string ReaderDn = "CN=whfb-ldap,CN=Users,";
    private readonly DirectoryObjectWriter _objects = new(LocalDirectory.Options());
    private readonly KeyCredentialWriter _keys = new(LocalDirectory.Options());

    public string Dn { get; } = $"OU=doctor-{Guid.NewGuid().ToString("N")[..8]},{LocalDirectory.BaseDn}";

    /// <summary>SyncTracker's directory section for this OU: Kerberos, sealed, no password anywhere.</summary>
    public Dictionary<string, object> KerberosSection() => new()
    {
        ["Url"] = LocalDirectory.KerberosUrl.ToString(),
        ["BindMode"] = "Negotiate",
        ["BaseDns"] = new[] { Dn },
    };

    /// <summary>A user with one key, as Entra Connect writes it.</summary>
    public async Task<DirectoryUser> KeyHolderAsync(string prefix)
    {
        var user = await _objects.CreateUserAsync(Dn, $"{prefix}-{Guid.NewGuid().ToString("N")[..6]}", $"{prefix}-{Guid.NewGuid():N}@whfb.test");
        var spec = KeyCredentialSpec.EntraConnect(RandomNumberGenerator.GetBytes(270), Guid.NewGuid(), DateTimeOffset.UtcNow);
        Assert.True(await _keys.AddValueAsync(user.DistinguishedName, KeyCredentialBuilder.BuildDnBinary(spec, user.DistinguishedName)));
        return user;
    }

    /// <summary>The values as the administrator reads them (the deny ACE is for the reader only).</summary>
    public Task<IReadOnlyList<string>> ValuesAsAdministratorAsync(DirectoryUser user) => _keys.ReadValuesAsync(user.DistinguishedName);

    public async Task InitializeAsync()
    {
        await _objects.CreateOrganizationalUnitAsync(Dn);
        await KeyHolderAsync("doc-ok");
    }

    public async Task DisposeAsync()
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
}
