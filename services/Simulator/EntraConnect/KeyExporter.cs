using System.Collections.Concurrent;
using Whfb.Directory.KeyCredentials;
using Whfb.Directory.Ldap;
using Whfb.Simulator.Tenant;

namespace Whfb.Simulator.EntraConnect;

/// <summary>
/// The export step against the real directory: writes new keys as Entra Connect does (KeySource AzureAD,
/// DeviceId, DateTime.ToBinary creation time, long custom key information) and removes values of keys that
/// no longer exist in Entra. Users protected by AdminSDHolder (adminCount=1) fail like the sync account's
/// missing rights (8344) and stay in the backlog. Adds may run concurrently: each borrows its own pair of LDAP
/// connections from a pool, so a time-scaled demo cycle can export thousands of keys in seconds.
/// </summary>
public sealed class KeyExporter(LdapDirectoryOptions directory) : IDisposable
{
    public const int InsufficientAccessRights = 8344;

    private readonly KeyCredentialWriter _keys = new(directory);
    private readonly ConcurrentBag<(KeyCredentialWriter Keys, DirectoryObjectWriter Objects)> _lanes = [];
    private readonly ConcurrentBag<(KeyCredentialWriter Keys, DirectoryObjectWriter Objects)> _all = [];
    private readonly ConcurrentDictionary<string, ExportedKey> _exported = new(StringComparer.OrdinalIgnoreCase);

    public bool IsExported(string methodId) => _exported.ContainsKey(methodId);

    /// <summary>Adds one key; the failure when the directory refuses it.</summary>
    public async Task<ExportFailure?> AddAsync(HelloMethod method, TenantUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(user);
        var dn = user.OnPremisesDistinguishedName!;
        var lane = _lanes.TryTake(out var free) ? free : NewLane();
        try
        {
            if (await lane.Objects.ReadAdminCountAsync(dn, cancellationToken) == 1)
            {
                return new ExportFailure(user.Id, dn, InsufficientAccessRights,
                    "permission-issue: 00002098: SecErr: DSID-03150F94, problem 4003 (INSUFF_ACCESS_RIGHTS) (AdminSDHolder-protected user)");
            }

            var value = KeyCredentialBuilder.BuildDnBinary(
                KeyCredentialSpec.EntraConnect(method.KeyMaterial, method.DeviceId, method.CreatedDateTime), dn);
            await lane.Keys.AddValueAsync(dn, value, cancellationToken);
            _exported[method.Id] = new ExportedKey(method.Id, dn, value);
            return null;
        }
        finally
        {
            _lanes.Add(lane);
        }
    }

    /// <summary>Removes the values of exported keys whose method is not in <paramref name="live"/>; how many.</summary>
    public async Task<int> RemoveDeletedAsync(IReadOnlySet<string> live, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(live);
        var removed = 0;
        foreach (var key in _exported.Values.Where(k => !live.Contains(k.MethodId)).ToList())
        {
            await _keys.RemoveValueAsync(key.DistinguishedName, key.Value, cancellationToken);
            _exported.TryRemove(key.MethodId, out _);
            removed++;
        }

        return removed;
    }

    public void Dispose()
    {
        _keys.Dispose();
        foreach (var (keys, objects) in _all)
        {
            keys.Dispose();
            objects.Dispose();
        }
    }

    private (KeyCredentialWriter Keys, DirectoryObjectWriter Objects) NewLane()
    {
        var lane = (new KeyCredentialWriter(directory), new DirectoryObjectWriter(directory));
        _all.Add(lane);
        return lane;
    }
}
