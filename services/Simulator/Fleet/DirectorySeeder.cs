using System.Collections.Concurrent;
using System.Globalization;
using Whfb.Directory.Ldap;
using Whfb.Simulator.Tenant;

namespace Whfb.Simulator.Fleet;

/// <summary>
/// Puts the scenario's users in AD (one OU per scenario and seed) and links each Entra user to its AD twin
/// (immutable id = base64 objectGUID, SID, DN). Seeding is slow (Samba adds ~15 users/s per connection), so it
/// uses several connections and reuses the users a previous run of the same scenario left, clearing their
/// msDS-KeyCredentialLink values so every run starts with no keys in AD. AdminSDHolder users get adminCount=1.
/// </summary>
public static class DirectorySeeder
{
    private const int Writers = 4;

    public static async Task<string> SeedAsync(
        IReadOnlyList<FleetDevice> devices, TenantDirectory directory, LdapDirectoryOptions ldap, string baseDn, string ouName,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(directory);
        var ou = $"OU={ouName},{baseDn}";
        var keyHolders = await KeyHoldersAsync(ldap, ou, cancellationToken);
        await Parallel.ForEachAsync(devices.Chunk((devices.Count / Writers) + 1), cancellationToken, async (part, token) =>
        {
            using var objects = new DirectoryObjectWriter(ldap);
            using var keys = new KeyCredentialWriter(ldap);
            foreach (var device in part)
            {
                var dn = $"CN=u{device.Index.ToString("D5", CultureInfo.InvariantCulture)},{ou}";
                var user = await objects.ReadUserAsync(dn, token)
                    ?? await objects.CreateUserAsync(ou, dn[3..dn.IndexOf(',', StringComparison.Ordinal)], device.User.UserPrincipalName, token);
                if (keyHolders.TryGetValue(user.ObjectGuid, out var holder))
                {
                    await ClearAsync(holder, keys, token);
                }

                if (device.AdminSdHolder)
                {
                    await objects.SetAdminCountAsync(user.DistinguishedName, 1, token);
                }

                directory.PutUser(device.User with
                {
                    OnPremisesImmutableId = Convert.ToBase64String(user.ObjectGuid.ToByteArray()),
                    OnPremisesSecurityIdentifier = user.ObjectSid,
                    OnPremisesDistinguishedName = user.DistinguishedName,
                });
            }
        });
        return ou;
    }

    private static async Task ClearAsync(ScannedUser user, KeyCredentialWriter keys, CancellationToken token)
    {
        foreach (var value in user.Values)
        {
            await keys.RemoveValueAsync(user.DistinguishedName, value.Raw, token);
        }
    }

    /// <summary>Users of the OU that hold keys from an earlier run; creates the OU when it does not exist.</summary>
    private static async Task<ConcurrentDictionary<Guid, ScannedUser>> KeyHoldersAsync(
        LdapDirectoryOptions ldap, string ou, CancellationToken cancellationToken)
    {
        var users = new ConcurrentDictionary<Guid, ScannedUser>();
        using var objects = new DirectoryObjectWriter(ldap);
        try
        {
            await objects.CreateOrganizationalUnitAsync(ou, cancellationToken);
            return users;
        }
        catch (DirectoryAccessException e) when (e.ResultCode == System.DirectoryServices.Protocols.ResultCode.EntryAlreadyExists)
        {
        }

        using var scanner = new KeyCredentialScanner(ldap with { BaseDns = [ou] });
        await scanner.ScanAsync(new KeyScanRequest { ForceFull = true }, (page, _) =>
        {
            foreach (var user in page.Users)
            {
                users[user.ObjectGuid] = user;
            }

            return ValueTask.CompletedTask;
        }, cancellationToken);
        return users;
    }
}
