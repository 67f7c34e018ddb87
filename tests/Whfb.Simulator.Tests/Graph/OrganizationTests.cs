using Microsoft.Extensions.DependencyInjection;
using Whfb.Simulator.Tenant;

namespace Whfb.Simulator.Tests.Graph;

/// <summary>GET organization gives the tenant's directory synchronization state, as Entra Connect leaves it.</summary>
public sealed class OrganizationTests(GraphEmulatorFixture emulator) : IClassFixture<GraphEmulatorFixture>
{
    [Fact]
    public async Task Organization_shows_no_sync_until_Entra_Connect_synced_then_its_last_sync_time()
    {
        var client = emulator.Client();
        var never = Assert.Single((await client.Organization.GetAsync())!.Value!);
        var at = new DateTimeOffset(2026, 12, 7, 9, 30, 0, TimeSpan.Zero);
        emulator.App.Services.GetRequiredService<DirectorySyncStatus>().Synced(at);

        var listed = Assert.Single((await client.Organization.GetAsync())!.Value!);
        var single = await client.Organization[GraphEmulatorFixture.TenantId].GetAsync();

        Assert.Equal(GraphEmulatorFixture.TenantId, never.Id);
        Assert.Null(never.OnPremisesSyncEnabled);
        Assert.Null(never.OnPremisesLastSyncDateTime);
        Assert.Equal((true, at), (listed.OnPremisesSyncEnabled, listed.OnPremisesLastSyncDateTime));
        Assert.Equal((true, at), (single!.OnPremisesSyncEnabled, single.OnPremisesLastSyncDateTime));
    }
}
