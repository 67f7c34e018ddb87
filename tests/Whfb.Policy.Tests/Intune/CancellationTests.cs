using System.Diagnostics;

namespace Whfb.Policy.Tests.Intune;

/// <summary>The emulator with a 20 s throttle window: Retry-After is long, so only a cancellable wait ends quickly.</summary>
public sealed class SlowThrottleIntuneEmulator : IntuneEmulator
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Simulator:Graph:RequestsPerWindow"] = "5",
        ["Simulator:Graph:ThrottleWindow"] = "00:00:20",
    };
}

public sealed class CancellationTests(SlowThrottleIntuneEmulator emulator) : IClassFixture<SlowThrottleIntuneEmulator>
{
    [Fact]
    public async Task Waiting_out_a_throttle_stops_when_the_caller_cancels()
    {
        await using var host = await IntuneHost.StartAsync(emulator);
        var caller = IntuneHost.Caller();
        await host.Rings.ResolveAsync(IntuneEmulator.RingB, caller, CancellationToken.None); // token fetched, code warm
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var clock = Stopwatch.StartNew();

        // Asks until the window's budget is gone; the Retry-After that follows is many seconds long.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                await host.Rings.ResolveAsync(IntuneEmulator.RingB, caller, cancel.Token);
            }
        });

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"cancellation took {clock.Elapsed}");
        // Throttled as a request, or as a step of a $batch (whose envelope draws from no budget, as on Graph).
        Assert.Contains(host.Audit.For(caller.RolloutId!.Value), c => c.StatusCode == 429 || c.ResponseBody?.Contains("\"status\":429", StringComparison.Ordinal) == true);
    }
}
