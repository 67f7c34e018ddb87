using Microsoft.Graph.Models;
using Whfb.GraphClient.Access;

namespace Whfb.Policy.Intune;

/// <summary>
/// A ring group's transitive members through Graph (nested groups expanded by Graph), paged: the devices that are members
/// themselves (rings of devices), the member users, and each member user's Windows PCs from Intune's primary user
/// (<see cref="ManagedDevicesBatch"/>): hybrid-joined PCs have no registered user or owner in Entra, so Intune is where a
/// user's PC is found. Members Graph returns with id only are the app's missing read permission, never an empty ring.
/// </summary>
internal sealed class GraphRingMembership(IntuneGraph graph, GraphAccessGuard guard) : IRingMembership
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
        var members = await guard.RunAsync(GraphFeatures.RingMembers, async () =>
        {
            var first = await client.Groups[groupId.ToString()].TransitiveMembers.GetAsync(r => r.QueryParameters.Top = 999, ct);
            return await GraphPages.AllAsync<DirectoryObject, DirectoryObjectCollectionResponse>(client, first, ct);
        }, ct);
        var users = await ReadableAsync(members.OfType<User>().ToList(), u => u.UserPrincipalName, GraphFeatures.RingUsers, "user", ct);
        var devices = await ReadableAsync(members.OfType<Device>().ToList(), d => d.DeviceId, GraphFeatures.RingDevices, "device", ct);
        var managed = users.Count == 0
            ? []
            : await guard.RunAsync(GraphFeatures.ManagedDevices, () => ManagedDevicesBatch.ReadAsync(client, users.Select(u => u.Id!), ct), ct);
        var deviceIds = devices.Select(d => d.DeviceId)
            .Concat(managed.Where(WindowsPc).Select(m => m.AzureADDeviceId))
            .Select(id => Guid.TryParse(id, out var parsed) ? parsed : Guid.Empty)
            .Where(id => id != Guid.Empty).Distinct().ToList();
        return new RingMembership(groupId, deviceIds, users.Select(u => u.Id!).ToList(), users.Select(u => u.UserPrincipalName!).ToList());
    }

    /// <summary>
    /// The members of one type, when Graph let the app read them: without the read permission it returns them with only
    /// <c>id</c> and <c>@odata.type</c> and no error ("limited information returned for inaccessible member objects").
    /// </summary>
    private async Task<List<T>> ReadableAsync<T>(List<T> members, Func<T, string?> property, GraphFeature feature, string kind, CancellationToken ct)
    {
        var limited = members.Count(m => string.IsNullOrEmpty(property(m)));
        if (limited > 0)
        {
            throw await guard.DeniedAsync(feature, new GraphDenial(DenialKind.Permission, "LimitedInformation",
                $"Graph returned {limited} of the ring's {members.Count} {kind} members with id only: the app may not read {kind}s"), ct);
        }

        if (members.Count > 0)
        {
            await guard.AllowedAsync(feature, ct);
        }

        return members;
    }

    /// <summary>Only Windows PCs take the WHfB policy; a user's phone would sit in the ring and never report.</summary>
    private static bool WindowsPc(ManagedDevice device) => string.Equals(device.OperatingSystem, "Windows", StringComparison.OrdinalIgnoreCase);
}
