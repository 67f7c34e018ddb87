using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Graph;
using Whfb.SyncTracker.Graph;
using Whfb.SyncTracker.Tests.Domain;

namespace Whfb.SyncTracker.Tests.Graph;

/// <summary>Pacing as Microsoft's throttling guidance asks: per-step Retry-After, backoff without one, slowing near the limit.</summary>
public sealed class PacingTests
{
    [Fact]
    public async Task A_429_without_Retry_After_backs_off_exponentially_and_an_answer_resets_the_backoff()
    {
        var time = new FakeTimeProvider(EngineScenario.Start);
        var pacer = new GraphPacer(new GraphInventoryOptions(), time);
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 4; i++)
        {
            pacer.Throttled(null);
            waits.Add(pacer.NextAllowed - time.GetUtcNow());
            await PassAsync(pacer, time);
        }

        pacer.Answered(null);
        pacer.Throttled(null);

        Assert.Equal([1, 2, 4, 8], waits.Select(w => w.TotalSeconds));
        Assert.Equal(GraphPacer.FirstBackoff, pacer.NextAllowed - time.GetUtcNow());
    }

    [Fact]
    public async Task At_the_limit_the_next_request_waits_as_long_as_Graph_last_asked_without_widening_the_pause_and_the_backoff_is_capped()
    {
        var time = new FakeTimeProvider(EngineScenario.Start);
        var pacer = new GraphPacer(new GraphInventoryOptions(), time);
        pacer.Throttled(TimeSpan.FromSeconds(9));
        await PassAsync(pacer, time);

        pacer.Answered(null);
        var interval = pacer.Interval;
        pacer.Answered(1.0);
        var atLimit = pacer.NextAllowed - time.GetUtcNow();
        Assert.Equal(interval, pacer.Interval);
        await PassAsync(pacer, time);
        for (var i = 0; i < 12; i++)
        {
            pacer.Throttled(null);
        }

        Assert.Equal(TimeSpan.FromSeconds(9), atLimit);
        Assert.Equal(GraphPacer.MaxBackoff, pacer.NextAllowed - time.GetUtcNow());
    }

    [Fact]
    public async Task Each_batch_step_carries_its_own_Retry_After_and_budget_share_and_the_signals_keep_the_longest_and_highest()
    {
        const string Batch = """
            {"responses":[
              {"id":"0","status":200,"headers":{"x-ms-throttle-limit-percentage":"0.9","Content-Type":"application/json"},"body":{"value":[]}},
              {"id":"1","status":429,"headers":{"Retry-After":"7","Content-Type":"application/json"},"body":{"error":{"code":"TooManyRequests","message":"m"}}},
              {"id":"2","status":429,"headers":{"Retry-After":"3","Content-Type":"application/json"},"body":{"error":{"code":"TooManyRequests","message":"m"}}}]}
            """;
        using var http = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Batch, Encoding.UTF8, "application/json") };
        var answer = new BatchResponseContent(http);
        var signals = new StepSignals(0, null, null);
        var now = EngineScenario.Start;

        using var ok = await answer.GetResponseByIdAsync("0");
        using var slow = await answer.GetResponseByIdAsync("1");
        using var fast = await answer.GetResponseByIdAsync("2");
        signals = signals.Answered(GraphHeaders.Percentage(GraphHeaders.Of(ok)))
            .WasThrottled(GraphHeaders.RetryAfter(GraphHeaders.Of(slow), now)).WasThrottled(GraphHeaders.RetryAfter(GraphHeaders.Of(fast), now));
        var sizer = new BatchSizer(20);
        sizer.Observe(1, signals);
        var grown = new BatchSizer(20);
        grown.Observe(20, new StepSignals(0, null, null));

        Assert.Equal(new StepSignals(2, TimeSpan.FromSeconds(7), 0.9), signals);
        Assert.Equal(1, sizer.Size);
        sizer.Observe(1, new StepSignals(0, null, 0.2));
        Assert.Equal(2, sizer.Size);
        sizer.Observe(2, new StepSignals(0, null, 1.0));
        Assert.Equal(2, sizer.Size);
        Assert.Equal(20, grown.Size);
    }

    private static async Task PassAsync(GraphPacer pacer, FakeTimeProvider time)
    {
        time.SetUtcNow(pacer.NextAllowed);
        await pacer.WaitTurnAsync(CancellationToken.None);
    }
}
