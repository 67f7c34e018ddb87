using System.DirectoryServices.Protocols;
using Whfb.Directory.Ldap;
using Whfb.Simulator.Fleet;
using Whfb.Simulator.Tenant;

namespace Whfb.Simulator.Seeding;

/// <summary>What seeding did, for the log and the summary.</summary>
public sealed record SeedResult(string Ou, int Created, int Reused, int Updated, TimeSpan Elapsed);

/// <summary>
/// Puts the scenario's users in AD (one OU per scenario and seed) and links each Entra user to its AD twin
/// (immutable id = base64 objectGUID, SID, DN), except users outside the sync scope. Samba adds users slowly on one
/// connection and serves each connection in turn, so users are added over several connections, and a later run reuses
/// the OU: one paged search lists what is there, only missing users are added, and users an earlier run changed get one
/// modify each (keys cleared, adminCount as the scenario says).
/// </summary>
public static class DirectorySeeder
{
    private const string KeyCredentialLink = "msDS-KeyCredentialLink";

    public static async Task<SeedResult> SeedAsync(
        IReadOnlyList<FleetDevice> devices, TenantDirectory directory, LdapDirectoryOptions ldap, string ouDn, int connections,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(directory);
        var started = TimeProvider.System.GetTimestamp();
        await EnsureOuAsync(ldap, ouDn, cancellationToken);
        var existing = await Task.Run(() => OuUsers.List(ldap, ouDn), cancellationToken);
        var missing = devices.Where(d => !existing.ContainsKey(UserDn(ouDn, d))).ToList();
        await SeedingConnections.SendAllAsync(ldap, missing, connections, d => AddUser(ouDn, d), cancellationToken);
        if (missing.Count > 0)
        {
            existing = await Task.Run(() => OuUsers.List(ldap, ouDn), cancellationToken);
        }

        var fixes = devices.Select(d => Fix(existing[UserDn(ouDn, d)], d)).OfType<ModifyRequest>().ToList();
        await SeedingConnections.SendAllAsync(ldap, fixes, connections, m => m, cancellationToken);
        // Users outside the sync scope exist in AD, but Entra Connect never linked them: no on-premises anchors in Graph.
        foreach (var device in devices.Where(d => !d.OutOfSyncScope))
        {
            var user = existing[UserDn(ouDn, device)];
            directory.PutUser(device.User with
            {
                OnPremisesImmutableId = Convert.ToBase64String(user.ObjectGuid.ToByteArray()),
                OnPremisesSecurityIdentifier = user.ObjectSid,
                OnPremisesDistinguishedName = user.DistinguishedName,
            });
        }

        return new SeedResult(ouDn, missing.Count, devices.Count - missing.Count, fixes.Count, TimeProvider.System.GetElapsedTime(started));
    }

    public static string UserDn(string ouDn, FleetDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        return $"CN={device.AdAccountName},{ouDn}";
    }

    private static async Task EnsureOuAsync(LdapDirectoryOptions ldap, string ouDn, CancellationToken cancellationToken)
    {
        using var objects = new DirectoryObjectWriter(ldap);
        try
        {
            await objects.CreateOrganizationalUnitAsync(ouDn, cancellationToken);
        }
        catch (DirectoryAccessException e) when (e.ResultCode == ResultCode.EntryAlreadyExists)
        {
        }
    }

    /// <summary>sAMAccountName is unique in the domain: a short hash of the OU keeps scenarios' users apart (≤ 20 chars).</summary>
    private static AddRequest AddUser(string ouDn, FleetDevice device)
    {
        var ouTag = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ouDn.ToUpperInvariant())))[..6];
        var add = new AddRequest(UserDn(ouDn, device), "user");
        add.Attributes.Add(new DirectoryAttribute("sAMAccountName", $"s{ouTag}{device.AdAccountName[1..]}"));
        add.Attributes.Add(new DirectoryAttribute("userPrincipalName", device.User.UserPrincipalName));
        if (device.AdminSdHolder)
        {
            add.Attributes.Add(new DirectoryAttribute("adminCount", "1"));
        }

        return add;
    }

    /// <summary>One modify that clears an earlier run's keys and sets adminCount as the scenario says; null when nothing differs.</summary>
    private static ModifyRequest? Fix(SeededUser user, FleetDevice device)
    {
        var modify = new ModifyRequest { DistinguishedName = user.DistinguishedName };
        if (user.KeyValues.Count > 0)
        {
            modify.Modifications.Add(new DirectoryAttributeModification { Name = KeyCredentialLink, Operation = DirectoryAttributeOperation.Replace });
        }

        if (device.AdminSdHolder != (user.AdminCount == 1))
        {
            var adminCount = new DirectoryAttributeModification { Name = "adminCount", Operation = DirectoryAttributeOperation.Replace };
            if (device.AdminSdHolder)
            {
                adminCount.Add("1");
            }

            modify.Modifications.Add(adminCount);
        }

        return modify.Modifications.Count > 0 ? modify : null;
    }
}
