using System.Text.Json.Nodes;
using Microsoft.Kiota.Abstractions;

namespace Whfb.Policy.Intune;

/// <summary>The settings-catalog form: beta deviceManagement/configurationPolicies as raw JSON through the SDK's adapter.</summary>
internal sealed class SettingsCatalogPolicies(IntuneGraph graph) : IPolicyKind
{
    private const string Collection = "deviceManagement/configurationPolicies";
    private const string GroupTarget = "#microsoft.graph.groupAssignmentTarget";

    public async Task<string?> FindAsync(string name, CancellationToken ct) =>
        (await graph.BetaListAsync($"{Collection}?$select=id,name&$top=100", ct))
            .FirstOrDefault(p => p["name"]?.GetValue<string>() == name)?["id"]?.GetValue<string>();

    public async Task<string> CreateAsync(IntunePolicySpec spec, CancellationToken ct)
    {
        var created = await graph.BetaAsync(Method.POST, Collection, SettingsCatalogBody.Policy(spec), ct);
        return created?["id"]?.GetValue<string>() ?? throw new InvalidOperationException("Graph created a configuration policy without an id.");
    }

    public async Task<bool> RepairAsync(string id, IntunePolicySpec spec, CancellationToken ct)
    {
        var actual = await graph.BetaListAsync($"{Collection}/{id}/settings", ct);
        if (SettingsCatalogBody.Fingerprint(actual).SequenceEqual(SettingsCatalogBody.Fingerprint(SettingsCatalogBody.Settings(spec))))
        {
            return false;
        }

        // The portal's way: PUT the whole policy, settings included (they are replaced).
        await graph.BetaAsync(Method.PUT, $"{Collection}/{id}", SettingsCatalogBody.Policy(spec), ct);
        return true;
    }

    public async Task AssignAsync(string id, IReadOnlyCollection<Guid> groupIds, CancellationToken ct)
    {
        var assignments = new JsonArray(groupIds.Select(g => (JsonNode)new JsonObject
        {
            ["target"] = new JsonObject { ["@odata.type"] = GroupTarget, ["groupId"] = g.ToString() },
        }).ToArray());
        await graph.BetaAsync(Method.POST, $"{Collection}/{id}/assign", new JsonObject { ["assignments"] = assignments }, ct);
    }

    public async Task<IReadOnlyList<Guid>> AssignedGroupsAsync(string id, CancellationToken ct) =>
        (await graph.BetaListAsync($"{Collection}/{id}/assignments", ct))
            .Where(a => a["target"]?["@odata.type"]?.GetValue<string>() == GroupTarget)
            .Select(a => Guid.Parse(a["target"]!["groupId"]!.GetValue<string>()))
            .ToList();
}
