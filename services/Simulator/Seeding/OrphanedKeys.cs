using System.DirectoryServices.Protocols;
using Whfb.Directory.KeyCredentials;
using Whfb.Directory.Ldap;
using Whfb.Simulator.Fleet;
using Whfb.Simulator.Tenant;

namespace Whfb.Simulator.Seeding;

/// <summary>
/// The orphaned-keys fault: AD values that Entra no longer knows (a re-imaged PC's old key that Entra Connect never
/// cleaned up): written as Entra Connect writes them, for a device id Entra never had, created months before the run.
/// A tracker sees them in AD with no Entra key and must call them orphaned.
/// </summary>
public static class OrphanedKeys
{
    public static async Task<int> WriteAsync(
        IReadOnlyList<FleetDevice> devices, string ouDn, LdapDirectoryOptions ldap, int seed, DateTimeOffset now, int connections,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(devices);
        var random = new Random(seed ^ 0x0f7a);
        var values = devices.Where(d => d.OrphanedAdKey).Select(d =>
        {
            var spec = KeyCredentialSpec.EntraConnect(SimulatedKeyMaterial.Create(random), Guid.NewGuid(), now.AddDays(-90 - random.Next(200)));
            var dn = DirectorySeeder.UserDn(ouDn, d);
            return new ModifyRequest(dn, DirectoryAttributeOperation.Add, "msDS-KeyCredentialLink", KeyCredentialBuilder.BuildDnBinary(spec, dn));
        }).ToList();
        return await SeedingConnections.SendAllAsync(ldap, values, connections, m => m, cancellationToken);
    }
}
