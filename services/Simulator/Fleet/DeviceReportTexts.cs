using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Whfb.Simulator.Fleet;

/// <summary>The other two collector posts: <c>dsregcmd /status</c> text and the PassportForWork policy state.</summary>
public static class DeviceReportTexts
{
    private static readonly string Banner = "+" + new string('-', 70) + "+";

    public static string Dsregcmd(FleetDevice device, string tenantId, Guid? ngcKeyId)
    {
        ArgumentNullException.ThrowIfNull(device);
        var text = new StringBuilder();
        Section(text, "Device State", ("AzureAdJoined", device.HybridJoined ? "YES" : "NO"), ("EnterpriseJoined", "NO"),
            ("DomainJoined", "YES"), ("DomainName", "WHFB"), ("Device Name", device.Device.DisplayName));
        Section(text, "Device Details", ("DeviceId", device.Device.DeviceId.ToString()), ("KeyProvider",
            device.HasTpm ? "Microsoft Platform Crypto Provider" : "Microsoft Software Key Storage Provider"),
            ("TpmProtected", device.HasTpm ? "YES" : "NO"), ("DeviceAuthStatus", "SUCCESS"));
        Section(text, "Tenant Details", ("TenantName", "WHfB Simulated Tenant"), ("TenantId", tenantId));
        Section(text, "User State", ("NgcSet", ngcKeyId is null ? "NO" : "YES"),
            ("NgcKeyId", ngcKeyId is { } id ? $"{{{id.ToString().ToUpperInvariant()}}}" : ""), ("WorkplaceJoined", "NO"));
        return text.ToString();
    }

    public static JsonObject PolicyState(FleetDevice device, string tenantId, bool intunePolicy, DateTimeOffset collectedAt)
    {
        ArgumentNullException.ThrowIfNull(device);
        var state = new JsonObject
        {
            ["deviceId"] = device.Device.DeviceId.ToString(),
            ["collectedAt"] = collectedAt.UtcDateTime.ToString("o", CultureInfo.InvariantCulture),
        };
        if (device.GpoEnabled || device.GpoConflict)
        {
            state["gpo"] = new JsonObject { ["Enabled"] = device.GpoEnabled ? 1 : 0, ["RequireSecurityDevice"] = 1 };
        }

        if (intunePolicy)
        {
            state["mdm"] = new JsonObject
            {
                [tenantId] = new JsonObject { ["Policies"] = new JsonObject { ["UsePassportForWork"] = 1, ["RequireSecurityDevice"] = 1 } },
            };
        }

        return state;
    }

    private static void Section(StringBuilder text, string title, params (string Name, string Value)[] fields)
    {
        text.AppendLine(Banner).AppendLine(CultureInfo.InvariantCulture, $"| {title,-68} |").AppendLine(Banner).AppendLine();
        foreach (var (name, value) in fields)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{name,26} : {value}");
        }

        text.AppendLine();
    }
}
