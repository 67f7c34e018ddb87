using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Whfb.Testing;

namespace Whfb.Policy.Tests.Support;

/// <summary>Calls of the rollouts API the tests share.</summary>
public static class RolloutApi
{
    public static async Task<JsonObject> StatusAsync(this HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/v1/rollouts/{id}");
        response.EnsureSuccessStatusCode();
        return await PolicyHost.ReadAsync(response);
    }

    public static Task<HttpResponseMessage> ActAsync(this HttpClient client, Guid id, string action, object? body = null) =>
        body is null ? client.PostAsync($"/v1/rollouts/{id}/{action}", null) : client.PostAsJsonAsync($"/v1/rollouts/{id}/{action}", body);

    /// <summary>Starts the rollout; returns its Intune policy id.</summary>
    public static async Task<string> StartAsync(this HttpClient admin, Guid id)
    {
        var response = await admin.ActAsync(id, "start");
        response.EnsureSuccessStatusCode();
        return (await PolicyHost.ReadAsync(response))["intunePolicyId"]!.GetValue<string>();
    }

    /// <summary>Leaves the current ring with a justification (the last ring completes the rollout); returns the status.</summary>
    public static async Task<JsonObject> OverrideAsync(this HttpClient admin, Guid id)
    {
        var response = await admin.ActAsync(id, "advance", new { justification = "checked by hand" });
        response.EnsureSuccessStatusCode();
        return await PolicyHost.ReadAsync(response);
    }

    public static async Task<JsonArray> AuditAsync(this HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/v1/rollouts/{id}/audit");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!;
    }

    public static JsonObject Ring(this JsonObject status, int index) => (JsonObject)status["rings"]![index]!;

    public static string State(this JsonObject status) => status["state"]!.GetValue<string>();

    public static int Int(this JsonObject node, string name) => node[name]!.GetValue<int>();

    /// <summary>Waits until a ring's counter reaches a value (the consumers run asynchronously).</summary>
    public static Task CounterReachesAsync(this HttpClient client, Guid id, int ring, string counter, int value) =>
        Eventually.Async(async () => (await client.StatusAsync(id)).Ring(ring).Int(counter) == value);
}
