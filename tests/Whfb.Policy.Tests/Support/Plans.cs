using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Whfb.Policy.Tests.Support;

/// <summary>Rollout plans as an admin would post them.</summary>
public static class Plans
{
    public static JsonObject Gate(double minPassed = 0.8, double maxFailed = 0.1, int maxStuck = 0, string soak = "00:10:00") => new()
    {
        ["minPrerequisitesPassedShare"] = minPassed,
        ["maxProvisioningFailureShare"] = maxFailed,
        ["maxStuckKeys"] = maxStuck,
        ["minSoak"] = soak,
    };

    public static JsonObject Plan(string name, string mode, params (string Name, Guid Group, JsonObject Gate)[] rings) => new()
    {
        ["name"] = name,
        ["mode"] = mode,
        ["settings"] = new JsonObject { ["usePassportForWork"] = true, ["requireSecurityDevice"] = true, ["scope"] = "device" },
        ["rings"] = new JsonArray([.. rings.Select(r => (JsonNode)new JsonObject { ["name"] = r.Name, ["groupId"] = r.Group.ToString(), ["gate"] = r.Gate })]),
    };

    /// <summary>Two new ring groups in the emulator (pilot, broad) and a draft rollout over them, created by the admin.</summary>
    public static async Task<TwoRings> TwoRingsAsync(PolicyHost host, string name, string mode, (int Devices, JsonObject Gate) pilot, (int Devices, JsonObject Gate) broad)
    {
        ArgumentNullException.ThrowIfNull(host);
        var first = host.Graph.NewRing($"Pilot-{name}", pilot.Devices);
        var second = host.Graph.NewRing($"Broad-{name}", broad.Devices);
        var id = await CreateAsync(host.Client(), Plan($"WHfB {name}", mode, ("Pilot", first.GroupId, pilot.Gate), ("Broad", second.GroupId, broad.Gate)));
        return new TwoRings(id, first, second);
    }

    /// <summary>Creates the plan and returns the rollout id.</summary>
    public static async Task<Guid> CreateAsync(HttpClient admin, JsonObject plan)
    {
        var response = await admin.PostAsJsonAsync("/v1/rollouts", plan);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return Guid.Parse((await PolicyHost.ReadAsync(response))["id"]!.GetValue<string>());
    }
}

public sealed record TwoRings(Guid Id, (Guid GroupId, IReadOnlyList<Guid> DeviceIds) Pilot, (Guid GroupId, IReadOnlyList<Guid> DeviceIds) Broad);
