using Whfb.Directory.KeyCredentials;
using Whfb.Directory.Ldap;
using Whfb.Testing.Directory;
using Whfb.Directory.Tests.KeyCredentials;

namespace Whfb.Directory.Tests.Ldap;

/// <summary>
/// One OU per test class (OU=t-&lt;random&gt;), deleted at the end, so classes never see each other's users.
/// Fails (does not skip) when the directory is unreachable.
/// </summary>
public sealed class DirectoryOuFixture : IAsyncLifetime
{
    private readonly DirectoryObjectWriter _objects = new(LocalDirectory.Options());
    private readonly KeyCredentialWriter _keys = new(LocalDirectory.Options());

    public string OuDn { get; } = $"OU=t-{Guid.NewGuid().ToString("N")[..10]},{LocalDirectory.BaseDn}";

    public DirectoryObjectWriter Objects => _objects;

    public KeyCredentialWriter Keys => _keys;

    public LdapDirectoryOptions Options(int pageSize = 1000) => LocalDirectory.Options(OuDn) with { PageSize = pageSize };

    public Task<DirectoryUser> CreateUserAsync(string name) =>
        _objects.CreateUserAsync(OuDn, name, $"{name}@whfb.test");

    /// <summary>Adds an Entra Connect style key (KeySource AzureAD) and returns the DN-Binary value written.</summary>
    public async Task<string> AddEntraKeyAsync(DirectoryUser user, Guid? deviceId = null)
    {
        var spec = TestKeys.EntraSpec(deviceId ?? Guid.NewGuid(), DateTimeOffset.UtcNow);
        var value = KeyCredentialBuilder.BuildDnBinary(spec, user.DistinguishedName);
        Assert.True(await _keys.AddValueAsync(user.DistinguishedName, value));
        return value;
    }

    public async Task InitializeAsync()
    {
        await _objects.CreateOrganizationalUnitAsync(OuDn);
    }

    public async Task DisposeAsync()
    {
        try
        {
            await _objects.DeleteTreeAsync(OuDn);
        }
        finally
        {
            _objects.Dispose();
            _keys.Dispose();
        }
    }
}
