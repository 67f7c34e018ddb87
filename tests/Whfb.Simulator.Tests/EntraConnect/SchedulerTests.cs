using Microsoft.Extensions.Logging.Abstractions;
using Whfb.Directory.KeyCredentials;
using Whfb.Simulator.EntraConnect;
using Whfb.Testing;

namespace Whfb.Simulator.Tests.EntraConnect;

/// <summary>Each test gets its own OU and tenant (<see cref="SyncHarness"/>), so faults and keys never leak between tests.</summary>
public sealed class SchedulerTests : IAsyncLifetime
{
    private readonly SyncHarness harness = new();

    public Task InitializeAsync() => harness.InitializeAsync();

    public Task DisposeAsync() => harness.DisposeAsync();

    [Fact]
    public async Task Key_appears_in_AD_after_the_scheduled_cycle_not_before_with_Entra_Connect_fields()
    {
        var user = await harness.CreateSyncedUserAsync("sched1");
        var method = harness.RegisterKey(user);
        using var engine = harness.NewEngine();
        using var scheduler = new SyncSchedulerService(engine, Microsoft.Extensions.Options.Options.Create(harness.Options), harness.Time,
            NullLogger<SyncSchedulerService>.Instance);
        await scheduler.StartAsync(default);
        await Eventually.Async(() => Task.FromResult(engine.State.NextSyncCycleStartTimeInUTC is not null));

        harness.Time.Advance(SyncHarness.Interval - TimeSpan.FromMinutes(1));
        await Task.Delay(300);
        Assert.Empty(await harness.AdKeysAsync(user));
        Assert.Equal(0, engine.State.CycleCount);

        harness.Time.Advance(TimeSpan.FromMinutes(1));
        // The key is written during the cycle and the cycle counted at its end: stopping in between would cut it short.
        await Eventually.Async(async () => (await harness.AdKeysAsync(user)).Count == 1 && engine.State.CycleCount == 1, TimeSpan.FromSeconds(20));
        await scheduler.StopAsync(default);

        var key = Assert.Single(await harness.AdKeysAsync(user));
        Assert.Equal(KeySource.AzureAD, key.Source);
        Assert.Equal(KeyUsage.Ngc, key.Usage);
        Assert.Equal(method.DeviceId, key.DeviceId);
        Assert.Equal(method.CreatedDateTime, key.CreationTime);
        Assert.True(key.KeyIdValid && key.KeyHashValid);
        Assert.Equal(method.KeyMaterial.ToArray(), key.KeyMaterial.ToArray());
        Assert.Equal(1, engine.State.CycleCount);
        Assert.Equal(harness.Time.GetUtcNow() + SyncHarness.Interval, engine.State.NextSyncCycleStartTimeInUTC);
    }

    [Fact]
    public async Task Key_registered_during_a_slow_cycle_waits_for_the_next_one_and_deleted_keys_are_removed()
    {
        var user = await harness.CreateSyncedUserAsync("sched2");
        using var engine = harness.NewEngine();
        harness.RegisterKey(user);
        harness.Faults.SlowCycleExtra = TimeSpan.FromMinutes(5);

        var slow = engine.RunCycleAsync();
        await Task.Delay(200);
        var late = harness.RegisterKey(user);
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        var first = await slow;
        harness.Faults.SlowCycleExtra = TimeSpan.Zero;

        Assert.Equal(TimeSpan.FromMinutes(5), first.LastCycleEndTimeInUTC - first.LastCycleStartTimeInUTC);
        Assert.Single(await harness.AdKeysAsync(user));
        await engine.RunCycleAsync();
        Assert.Equal(2, (await harness.AdKeysAsync(user)).Count);

        harness.Methods.Delete(user.Id, late.Id);
        var third = await engine.RunCycleAsync();

        Assert.Equal(1, third.KeysRemoved);
        Assert.NotEqual(late.DeviceId, Assert.Single(await harness.AdKeysAsync(user)).DeviceId);
    }
}
