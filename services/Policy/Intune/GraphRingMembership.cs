using Microsoft.Graph.Models;

namespace Whfb.Policy.Intune;

/// <summary>
/// A ring group's transitive members through Graph (nested groups expanded by Graph), paged: member devices, member
/// users, and the devices registered to member users.
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
        var devices = new System.Collections.Concurrent.ConcurrentBag<Device>(members.OfType<Device>());
        // One call per member user: a few at a time, each retried on 429 by the pipeline.
        await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (user, token) =>
        {
            var owned = await client.Users[user.Id].RegisteredDevices.GetAsync(r => r.QueryParameters.Top = 999, token);
            foreach (var device in (await GraphPages.AllAsync<DirectoryObject, DirectoryObjectCollectionResponse>(client, owned, token)).OfType<Device>())
            {
                devices.Add(device);
            }
        });

        var deviceIds = devices.Select(d => Guid.TryParse(d.DeviceId, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        return new RingMembership(groupId, deviceIds, users.Select(u => u.Id!).ToList(), users.Select(u => u.UserPrincipalName ?? "").ToList());
    }
}
