using Microsoft.Graph.Models;

namespace Whfb.Policy.Intune;

/// <summary>
/// A ring group's transitive members through Graph (nested groups expanded by Graph), paged: member devices, member
/// users, and the devices registered to member users (read in $batch requests of 20 users).
/// </summary>
internal sealed class GraphRingMembership(IntuneGraph graph) : IRingMembership
{
    public async Task<RingMembership> ResolveAsync(Guid groupId, GraphCaller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.TenantId != graph.Connection.TenantId)
        {
            throw new ArgumentException($"This Policy service manages tenant {graph.Connection.TenantId}, not {caller.TenantId}.", nameof(caller));
        }

        using var scope = GraphCallScope.Begin(caller);
        var client = graph.Client;
        var first = await client.Groups[groupId.ToString()].TransitiveMembers.GetAsync(r => r.QueryParameters.Top = 999, ct);
        var members = await GraphPages.AllAsync<DirectoryObject, DirectoryObjectCollectionResponse>(client, first, ct);
        var users = members.OfType<User>().ToList();
        var devices = members.OfType<Device>().Concat(await RegisteredDevicesBatch.ReadAsync(client, users.Select(u => u.Id!), ct)).ToList();
        var deviceIds = devices.Select(d => Guid.TryParse(d.DeviceId, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        return new RingMembership(groupId, deviceIds, users.Select(u => u.Id!).ToList(), users.Select(u => u.UserPrincipalName ?? "").ToList());
    }
}
