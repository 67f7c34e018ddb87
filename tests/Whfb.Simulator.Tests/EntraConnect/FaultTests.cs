using Whfb.Simulator.EntraConnect;

namespace Whfb.Simulator.Tests.EntraConnect;

/// <summary>Each test gets its own OU and tenant (<see cref="SyncHarness"/>), so faults and keys never leak between tests.</summary>
public sealed class FaultTests : IAsyncLifetime
{
    private readonly SyncHarness harness = new();

    public Task InitializeAsync() => harness.InitializeAsync();

    public Task DisposeAsync() => harness.DisposeAsync();

    [Fact]
    public async Task Out_of_scope_user_is_never_exported()
    {
        var user = await harness.CreateSyncedUserAsync("scope1");
        harness.Faults.ExcludeFromScope(user.Id);
        harness.RegisterKey(user);
        using var engine = harness.NewEngine();

        await engine.RunCycleAsync();
        var state = await engine.RunCycleAsync();

        Assert.Empty(await harness.AdKeysAsync(user));
        Assert.Equal("Success", state.LastCycleResult);
    }

    [Fact]
    public async Task AdminSDHolder_user_fails_export_with_8344_every_cycle_while_others_export()
    {
        var admin = await harness.CreateSyncedUserAsync("admin1");
        var plain = await harness.CreateSyncedUserAsync("plain1");
        await harness.Objects.SetAdminCountAsync(admin.OnPremisesDistinguishedName!, 1);
        harness.RegisterKey(admin);
        harness.RegisterKey(plain);
        using var engine = harness.NewEngine();

        var first = await engine.RunCycleAsync();
        var second = await engine.RunCycleAsync();

        Assert.Empty(await harness.AdKeysAsync(admin));
        Assert.Single(await harness.AdKeysAsync(plain));
        Assert.All(new[] { first, second }, s =>
        {
            Assert.Equal("CompletedExportErrors", s.LastCycleResult);
            Assert.Equal(8344, Assert.Single(s.LastCycleFailures).ErrorCode);
            Assert.Equal(1, s.Backlog);
        });
    }

    [Fact]
    public async Task Disabled_scheduler_then_staging_mode_export_nothing_and_leave_the_last_sync_time_behind_until_they_end()
    {
        var user = await harness.CreateSyncedUserAsync("stall1");
        harness.RegisterKey(user);
        using var engine = harness.NewEngine();
        await engine.RunCycleAsync();
        var synced = harness.Time.GetUtcNow();
        harness.RegisterKey(user);
        harness.Faults.DisableScheduler(2);

        Assert.False(engine.State.SyncCycleEnabled);
        await CycleLaterAsync(engine);
        await CycleLaterAsync(engine);
        harness.Faults.EnterStagingMode(1);
        var staging = await CycleLaterAsync(engine);
        Assert.Single(await harness.AdKeysAsync(user));
        Assert.Equal(synced, harness.SyncStatus.LastSync);

        var resumed = await CycleLaterAsync(engine);

        Assert.Equal(2, resumed.SkippedCycles);
        Assert.Equal("StagingNoExport", staging.LastCycleResult);
        Assert.True(resumed.SyncCycleEnabled);
        Assert.Equal(2, (await harness.AdKeysAsync(user)).Count);
        Assert.Equal(harness.Time.GetUtcNow(), harness.SyncStatus.LastSync);
        Assert.Equal(true, harness.SyncStatus.Enabled);
    }

    private Task<SchedulerState> CycleLaterAsync(SyncEngine engine)
    {
        harness.Time.Advance(SyncHarness.Interval);
        return engine.RunCycleAsync();
    }

    [Fact]
    public async Task Partial_cycle_exports_only_part_of_the_backlog_and_the_rest_next_cycle()
    {
        var user = await harness.CreateSyncedUserAsync("part1");
        for (var i = 0; i < 3; i++)
        {
            harness.RegisterKey(user);
        }

        harness.Faults.ExportOnlyPartOfNextCycle(1);
        using var engine = harness.NewEngine();

        var partial = await engine.RunCycleAsync();
        Assert.Single(await harness.AdKeysAsync(user));
        var full = await engine.RunCycleAsync();

        Assert.Equal(2, partial.Backlog);
        Assert.Equal(0, full.Backlog);
        Assert.Equal(3, (await harness.AdKeysAsync(user)).Count);
    }

    [Fact]
    public async Task Slow_export_exports_at_most_its_limit_every_cycle_until_the_backlog_drains()
    {
        var user = await harness.CreateSyncedUserAsync("slow1");
        for (var i = 0; i < 5; i++)
        {
            harness.RegisterKey(user);
        }

        harness.Faults.ExportLimitPerCycle = 2;
        using var engine = harness.NewEngine();

        var backlogs = new List<int>();
        var inAd = new List<int>();
        for (var cycle = 0; cycle < 4; cycle++)
        {
            backlogs.Add((await engine.RunCycleAsync()).Backlog);
            inAd.Add((await harness.AdKeysAsync(user)).Count);
        }

        Assert.Equal([3, 1, 0, 0], backlogs);
        Assert.Equal([2, 4, 5, 5], inAd);
    }
}
