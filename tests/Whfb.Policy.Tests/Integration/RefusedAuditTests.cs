using System.Net;
using Whfb.Policy.Tests.Support;
using Whfb.Testing;

namespace Whfb.Policy.Tests.Integration;

/// <summary>
/// A flood of refused writes costs the audit one row per kind when first seen and one row of repeats per window, and
/// the kinds a window keeps are capped, so anonymous requests cannot fill the audit table.
/// </summary>
public sealed class RefusedAuditTests(PolicyHost host) : IClassFixture<PolicyHost>
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Repeats_of_a_refused_write_are_one_row_when_the_window_closes()
    {
        var ring = host.Graph.NewRing("Pilot-flood", 1);
        var id = await Plans.CreateAsync(host.Client(), Plans.Plan("WHfB flood", "settingsCatalog", ("Pilot", ring.GroupId, Plans.Gate())));
        var anonymous = host.Anonymous();

        for (var i = 0; i < 300; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.ActAsync(id, "start")).StatusCode);
        }

        Assert.Equal(1, await RefusedRowsAsync(id));
        host.Time.Advance(Window);
        await Eventually.Async(async () => await RefusedRowsAsync(id) == 2, TimeSpan.FromSeconds(20));
        Assert.Equal(1, await host.ScalarAsync(
            $"SELECT count(*) FROM audit_entries WHERE rollout_id = '{id}' AND action = 'refused' AND detail LIKE 'POST /v1/rollouts/{id}/start → 401: 299 more between %'"));
    }

    [Fact]
    public async Task Kinds_beyond_the_cap_of_a_window_are_only_counted_in_one_row()
    {
        host.Time.Advance(Window);
        var before = await host.ScalarAsync("SELECT count(*) FROM audit_entries WHERE action = 'refused'");
        var anonymous = host.Anonymous();

        for (var i = 0; i < 130; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.ActAsync(Guid.NewGuid(), "start")).StatusCode);
        }

        Assert.Equal(before + 100, await host.ScalarAsync("SELECT count(*) FROM audit_entries WHERE action = 'refused'"));
        host.Time.Advance(Window);
        await Eventually.Async(async () => await host.ScalarAsync("SELECT count(*) FROM audit_entries WHERE action = 'refused'") == before + 101,
            TimeSpan.FromSeconds(20));
        Assert.Equal(1, await host.ScalarAsync(
            "SELECT count(*) FROM audit_entries WHERE tenant_id IS NULL AND actor = 'policy' AND detail LIKE '30 refused writes of more than 100 kinds%'"));
    }

    private Task<long> RefusedRowsAsync(Guid rollout) =>
        host.ScalarAsync($"SELECT count(*) FROM audit_entries WHERE rollout_id = '{rollout}' AND action = 'refused'");
}
