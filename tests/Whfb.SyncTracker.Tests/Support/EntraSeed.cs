using System.Security.Cryptography;
using Whfb.Directory.Ldap;
using Whfb.Simulator.Tenant;
using Whfb.SyncTracker.Domain;
using Whfb.Testing.Graph;

namespace Whfb.SyncTracker.Tests.Support;

/// <summary>Puts users and WHfB keys into the Graph emulator's tenant, hybrid users anchored on a real AD user.</summary>
public static class EntraSeed
{
    /// <summary>A hybrid user: onPremisesImmutableId = base64(objectGUID), onPremisesSecurityIdentifier = objectSid; the UPN may differ from AD's.</summary>
    public static TenantUser HybridUser(this GraphEmulator graph, DirectoryUser ad, string? upn = null) =>
        graph.Directory.PutUser(new TenantUser
        {
            Id = Guid.NewGuid().ToString(),
            UserPrincipalName = upn ?? ad.UserPrincipalName!,
            DisplayName = ad.DistinguishedName,
            OnPremisesImmutableId = EntraUserObservation.ImmutableIdOf(ad.ObjectGuid),
            OnPremisesSecurityIdentifier = ad.ObjectSid,
            OnPremisesDistinguishedName = ad.DistinguishedName,
        });

    /// <summary>A cloud-only user (no anchors).</summary>
    public static TenantUser CloudUser(this GraphEmulator graph, string upn) =>
        graph.Directory.PutUser(new TenantUser { Id = Guid.NewGuid().ToString(), UserPrincipalName = upn, DisplayName = upn });

    /// <summary>A WHfB key of the user on a new device (registered in the tenant, so the single GET with $expand=device gives its DeviceId).</summary>
    public static HelloMethod AddKey(this GraphEmulator graph, TenantUser user, DateTimeOffset created, Guid? deviceId = null)
    {
        var device = graph.Directory.PutDevice(new TenantDevice
        {
            Id = Guid.NewGuid().ToString(),
            DeviceId = deviceId ?? Guid.NewGuid(),
            DisplayName = $"PC-{Random.Shared.Next(100000):D5}",
        });
        return graph.Methods.Add(new HelloMethod
        {
            Id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('/', '_').Replace('+', '-'),
            UserId = user.Id,
            DeviceObjectId = device.Id,
            DeviceId = device.DeviceId,
            DisplayName = device.DisplayName,
            CreatedDateTime = created,
            KeyMaterial = RandomNumberGenerator.GetBytes(283),
        });
    }

    /// <summary>Configuration that points SyncTracker's Graph inventory at the emulator and its AD scan at the OU.</summary>
    public static Dictionary<string, string?> InventorySettings(this GraphEmulator graph, SambaOu ou, Dictionary<string, string?>? extra = null) =>
        graph.InventorySettings(new Dictionary<string, string?>(ou.Settings().Concat(extra ?? [])));

    /// <summary>Configuration that points SyncTracker's Graph inventory at the emulator.</summary>
    public static Dictionary<string, string?> InventorySettings(this GraphEmulator graph, Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>(graph.ConnectionSettings())
        {
            ["SyncTracker:Graph:Enabled"] = "true",
            ["SyncTracker:Graph:TickInterval"] = "00:01:00",
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }
}
