using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Whfb.Directory.KeyCredentials;
using Whfb.Directory.Ldap;
using Whfb.Simulator.EntraConnect;
using Whfb.Simulator.Tenant;
using Whfb.Testing.Directory;

namespace Whfb.Simulator.Tests.EntraConnect;

/// <summary>
/// One test class's world: its own OU on the real Samba directory (deleted at the end), an emulated tenant
/// whose users are synced from that OU, and the sync engine on a <see cref="FakeTimeProvider"/>.
/// Fails (does not skip) when the directory is unreachable.
/// </summary>
public sealed class SyncHarness : IAsyncLifetime
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(30);
    private static readonly Random KeyRandom = new(7);

    public string OuDn { get; } = $"OU=sim-{Guid.NewGuid().ToString("N")[..10]},{LocalDirectory.BaseDn}";

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    public TenantDirectory Directory { get; } = new();

    public HelloMethodStore Methods { get; } = new();

    public SyncFaults Faults { get; } = new();

    public EntraConnectOptions Options { get; } = new()
    {
        Enabled = true,
        CycleInterval = Interval,
        LdapUrl = LocalDirectory.Url,
        BindDn = LocalDirectory.BindDn,
        Password = LocalDirectory.Password,
        CaCertificatesFile = LocalDirectory.Options().CaCertificatesFile,
        AllowPlainTextBind = LocalDirectory.AllowPlainTextBind,
    };

    public DirectoryObjectWriter Objects => _objects ??= new DirectoryObjectWriter(Options.Directory());

    public KeyCredentialWriter Keys => _keys ??= new KeyCredentialWriter(Options.Directory());

    private DirectoryObjectWriter? _objects;
    private KeyCredentialWriter? _keys;

    /// <summary>The tenant's organization object as the engine's cycles leave it (onPremisesLastSyncDateTime).</summary>
    public DirectorySyncStatus SyncStatus { get; }

    public SyncHarness() => SyncStatus = new DirectorySyncStatus(Microsoft.Extensions.Options.Options.Create(Options));

    public SyncEngine NewEngine() =>
        new(Directory, Methods, Faults, SyncStatus, Microsoft.Extensions.Options.Options.Create(Options), Time, NullLogger<SyncEngine>.Instance);

    /// <summary>Creates the AD user and its synced Entra twin (immutable id = base64 objectGUID, SID, DN).</summary>
    public async Task<TenantUser> CreateSyncedUserAsync(string name)
    {
        var ad = await Objects.CreateUserAsync(OuDn, name, $"{name}@whfb.test");
        return Directory.PutUser(new TenantUser
        {
            Id = Guid.NewGuid().ToString(),
            UserPrincipalName = $"{name}@whfb.test",
            DisplayName = name,
            OnPremisesImmutableId = Convert.ToBase64String(ad.ObjectGuid.ToByteArray()),
            OnPremisesSecurityIdentifier = ad.ObjectSid,
            OnPremisesDistinguishedName = ad.DistinguishedName,
        });
    }

    /// <summary>Registers a WHfB key in Entra now (fake time).</summary>
    public HelloMethod RegisterKey(TenantUser user) => Methods.Add(new HelloMethod
    {
        Id = Guid.NewGuid().ToString(),
        UserId = user.Id,
        DeviceId = Guid.NewGuid(),
        DisplayName = "PC",
        CreatedDateTime = Time.GetUtcNow(),
        KeyMaterial = SimulatedKeyMaterial.Create(KeyRandom),
    });

    public async Task<IReadOnlyList<KeyCredential>> AdKeysAsync(TenantUser user) =>
        (await Keys.ReadValuesAsync(user.OnPremisesDistinguishedName!)).Select(KeyCredentialDecoder.DecodeDnBinary).ToList();

    public Task InitializeAsync() => Objects.CreateOrganizationalUnitAsync(OuDn);

    public async Task DisposeAsync()
    {
        try
        {
            await Objects.DeleteTreeAsync(OuDn);
        }
        finally
        {
            _objects?.Dispose();
            _keys?.Dispose();
        }
    }

}
