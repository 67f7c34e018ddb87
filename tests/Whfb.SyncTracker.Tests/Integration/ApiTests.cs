using System.Net;
using System.Text.Json;
using Whfb.SyncTracker.Tests.Support;
using Whfb.Testing;
using static Whfb.SyncTracker.Tests.Integration.RestartTests;

namespace Whfb.SyncTracker.Tests.Integration;

/// <summary>The operator API on the real service: tenant from the credential only, paging, state filter, sync health.</summary>
public sealed class ApiTests
{
    private static readonly Guid A = SyncTrackerHost.TenantA;
    private static readonly Guid B = SyncTrackerHost.TenantB;

    [Fact]
    public async Task Tenant_B_can_never_read_tenant_A_keys()
    {
        await using var host = await SyncTrackerHost.StartAsync();
        var userOfA = Guid.NewGuid();
        var userOfB = Guid.NewGuid();
        await host.PublishAsync(Registration(A, Guid.NewGuid(), userOfA, SyncTrackerHost.Start));
        await host.PublishAsync(Registration(B, Guid.NewGuid(), userOfB, SyncTrackerHost.Start));
        await Eventually.Async(async () => await host.ScalarAsync("SELECT count(*) FROM tracked_keys") == 2);

        using var b = host.Client(B);
        var page = await JsonAsync(b, "/v1/keys");
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        Assert.Equal(userOfB, page.GetProperty("items")[0].GetProperty("userId").GetGuid());
        Assert.Equal(0, (await JsonAsync(b, $"/v1/users/{userOfA}/keys")).GetArrayLength());
        Assert.Equal(1, (await JsonAsync(host.Client(A), $"/v1/users/{userOfA}/keys")).GetArrayLength());

        using var anonymous = host.Service.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/v1/keys")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/v1/sync/health")).StatusCode);
    }

    [Fact]
    public async Task Keys_are_paged_and_filtered_by_state_and_health_shows_the_stall()
    {
        await using var host = await SyncTrackerHost.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            await host.PublishAsync(Registration(A, Guid.NewGuid(), Guid.NewGuid(), SyncTrackerHost.Start));
        }

        await Eventually.Async(async () => await host.ScalarAsync("SELECT count(*) FROM tracked_keys") == 3);
        await host.AdvanceAsync(TimeSpan.FromMinutes(80), TimeSpan.FromMinutes(5));
        await Eventually.Async(async () => await host.ScalarAsync("SELECT count(*) FROM tracked_keys WHERE state = 'Stuck'") == 3);

        using var client = host.Client(A);
        var second = await JsonAsync(client, "/v1/keys?state=Stuck&page=2&pageSize=2");
        Assert.Equal(3, second.GetProperty("total").GetInt32());
        Assert.Equal(1, second.GetProperty("items").GetArrayLength());
        Assert.Equal("Stuck", second.GetProperty("items")[0].GetProperty("state").GetString());
        Assert.Equal(0, (await JsonAsync(client, "/v1/keys?state=Synced")).GetProperty("total").GetInt32());
        foreach (var page in new[] { "0", "-1", "2147483647", "1000001" })
        {
            var refused = await client.GetAsync($"/v1/keys?page={page}");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("page must be between 1 and 1000000", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var health = await JsonAsync(client, "/v1/sync/health");
        Assert.Equal("stalled", health.GetProperty("pipeline").GetString());
        Assert.Equal(3, health.GetProperty("keysWaiting").GetInt32());
        Assert.Equal(3, health.GetProperty("keysStuck").GetInt32());
        Assert.Equal(30, health.GetProperty("observedCycleMinutes").GetDouble());
        Assert.True(health.GetProperty("predictedOnPremAccessAt").GetDateTimeOffset() > host.Time.GetUtcNow());
    }

    private static async Task<JsonElement> JsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
