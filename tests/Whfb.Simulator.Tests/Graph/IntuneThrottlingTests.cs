using System.Net;
using System.Text.Json.Nodes;

namespace Whfb.Simulator.Tests.Graph;

/// <summary>
/// Intune's own limits (here 3 writes per app and 5 per tenant, 8 requests per app, in 2 s windows): writes past the app's
/// or the tenant's limit are 429 with Retry-After, reads only count as requests, and the devices service and the rest of
/// Graph keep their own budgets.
/// </summary>
public sealed class IntuneThrottlingTests(IntuneThrottlingTests.Limited emulator) : IClassFixture<IntuneThrottlingTests.Limited>
{
    private const string OtherApp = "9d3c6b1a-2e4f-4a5b-8c7d-0e1f2a3b4c5d";
    private const string OtherSecret = "other-app-secret";

    [Fact]
    public async Task Past_the_apps_write_limit_a_write_is_429_with_Retry_After_while_reads_still_pass()
    {
        using var raw = new RawGraph(emulator);
        await FreshWindowAsync();

        var writes = await WritesAsync(raw, 4);
        var read = await raw.SendAsync(HttpMethod.Get, "beta/deviceManagement/configurationPolicies");

        Assert.Equal([201, 201, 201, 429], writes.Select(w => (int)w.StatusCode));
        Assert.InRange(writes[3].Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 2);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task The_tenants_write_limit_is_shared_by_all_apps()
    {
        using var raw = new RawGraph(emulator);
        using var other = new RawGraph(emulator, OtherApp, OtherSecret);
        await FreshWindowAsync();

        var first = await WritesAsync(raw, 3);
        var second = await WritesAsync(other, 3);

        Assert.All(first, w => Assert.Equal(HttpStatusCode.Created, w.StatusCode));
        Assert.Equal([201, 201, 429], second.Select(w => (int)w.StatusCode));
    }

    [Fact]
    public async Task Reads_count_against_the_services_request_limit_and_the_devices_service_and_directory_keep_their_own()
    {
        using var raw = new RawGraph(emulator);
        await FreshWindowAsync();

        var reads = new List<int>();
        for (var i = 0; i < 9; i++)
        {
            reads.Add((int)(await raw.SendAsync(HttpMethod.Get, "beta/deviceManagement/configurationSettings?$top=1")).StatusCode);
        }

        var devices = await raw.SendAsync(HttpMethod.Get, "v1.0/deviceManagement/managedDevices");
        var user = await raw.SendAsync(HttpMethod.Get, $"v1.0/users/{TestTenant.UserId(1)}");

        Assert.Equal([.. Enumerable.Repeat(200, 8), 429], reads);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (devices.StatusCode, user.StatusCode));
    }

    private static async Task<List<HttpResponseMessage>> WritesAsync(RawGraph raw, int count)
    {
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < count; i++)
        {
            answers.Add(await raw.SendAsync(HttpMethod.Post, "beta/deviceManagement/configurationPolicies",
                new JsonObject { ["name"] = $"WHfB {Guid.NewGuid():N}", ["platforms"] = "windows10", ["technologies"] = "mdm", ["settings"] = new JsonArray() }));
        }

        return answers;
    }

    private static Task FreshWindowAsync() => Task.Delay(TimeSpan.FromSeconds(2.1));

    /// <summary>The test tenant with tiny Intune limits and a second app registration.</summary>
    public sealed class Limited : GraphEmulatorFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Simulator:Graph:Intune:Window"] = "00:00:02",
            ["Simulator:Graph:Intune:Configuration:WritesPerApp"] = "3",
            ["Simulator:Graph:Intune:Configuration:WritesPerTenant"] = "5",
            ["Simulator:Graph:Intune:Configuration:RequestsPerApp"] = "8",
            ["Simulator:Graph:Apps:1:ClientId"] = OtherApp,
            ["Simulator:Graph:Apps:1:ClientSecret"] = OtherSecret,
        };
    }
}
