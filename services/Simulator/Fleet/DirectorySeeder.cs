using System.Globalization;
using Whfb.Directory.Ldap;
using Whfb.Simulator.Tenant;

namespace Whfb.Simulator.Fleet;

/// <summary>
/// Creates the scenario's users in AD (a fresh OU per scenario and seed) and links each Entra user to its AD
/// twin (immutable id = base64 objectGUID, SID, DN); AdminSDHolder users get adminCount=1.
/// </summary>
public static class DirectorySeeder
{
    public static async Task<string> SeedAsync(
        IReadOnlyList<FleetDevice> devices, TenantDirectory directory, LdapDirectoryOptions ldap, string baseDn, string ouName,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(directory);
        using var objects = new DirectoryObjectWriter(ldap);
        var ou = $"OU={ouName},{baseDn}";
        await objects.DeleteTreeAsync(ou, cancellationToken);
        await objects.CreateOrganizationalUnitAsync(ou, cancellationToken);
        foreach (var device in devices)
        {
            var name = "u" + device.Index.ToString("D5", CultureInfo.InvariantCulture);
            var ad = await objects.CreateUserAsync(ou, name, device.User.UserPrincipalName, cancellationToken);
            if (device.AdminSdHolder)
            {
                await objects.SetAdminCountAsync(ad.DistinguishedName, 1, cancellationToken);
            }

            directory.PutUser(device.User with
            {
                OnPremisesImmutableId = Convert.ToBase64String(ad.ObjectGuid.ToByteArray()),
                OnPremisesSecurityIdentifier = ad.ObjectSid,
                OnPremisesDistinguishedName = ad.DistinguishedName,
            });
        }

        return ou;
    }
}
