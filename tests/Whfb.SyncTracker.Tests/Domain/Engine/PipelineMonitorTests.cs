using Whfb.SyncTracker.Domain;
using Whfb.Contracts.Keys;

namespace Whfb.SyncTracker.Tests.Domain.Engine;

public sealed class PipelineMonitorTests
{
    private static readonly TimeSpan StallAfter = TimeSpan.FromHours(1);

    [Fact]
    public void A_key_waiting_through_the_stall_window_opens_one_episode_and_a_sync_ends_it()
    {
        var parts = new EngineParts();
        // Anchored but never seen in AD nor confirmed absent: nothing about the user explains the wait.
        parts.WaitingKey(parts.EntraUser(Guid.NewGuid()));
        parts.Time.Advance(StallAfter - TimeSpan.FromMinutes(1));
        parts.Pipeline.EvaluatePipeline();
        Assert.False(parts.State.Pipeline.IsStalled);

        parts.Time.Advance(TimeSpan.FromMinutes(1));
        parts.Pipeline.EvaluatePipeline();
        parts.Pipeline.EvaluatePipeline();
        var stalled = Assert.IsType<SyncPipelineStalled>(Assert.Single(parts.TakeEvents()));
        Assert.Equal(1, stalled.KeysWaiting);

        parts.Time.Advance(TimeSpan.FromMinutes(5));
        parts.Pipeline.PipelineSawSync(new TrackedKey { Id = Guid.NewGuid() });
        var recovered = Assert.IsType<SyncPipelineRecovered>(Assert.Single(parts.TakeEvents()));
        Assert.Equal(stalled.DetectedAt, recovered.StalledSince);
        Assert.Equal(parts.Now, parts.State.Pipeline.LastKeySyncedAt);
    }

    [Fact]
    public void A_key_its_user_explains_does_not_stall_the_pipeline()
    {
        var parts = new EngineParts();
        var user = parts.EntraUser(Guid.NewGuid());
        parts.AdUserOf(user, adminSdHolderProtected: true);
        parts.WaitingKey(user);
        parts.Time.Advance(StallAfter * 3);

        parts.Pipeline.EvaluatePipeline();

        Assert.Empty(parts.TakeEvents());
    }

    [Fact]
    public void An_old_last_directory_sync_stalls_the_pipeline_with_no_key_waiting()
    {
        var parts = new EngineParts();
        parts.Pipeline.ObserveOnPremisesSync(true, parts.Now - StallAfter);

        parts.Pipeline.EvaluatePipeline();

        Assert.Equal(0, Assert.IsType<SyncPipelineStalled>(Assert.Single(parts.TakeEvents())).KeysWaiting);
    }

    [Fact]
    public void After_a_restart_the_export_flow_is_rebuilt_from_the_keys_in_AD_whatever_their_order()
    {
        var parts = new EngineParts();
        parts.Time.Advance(TimeSpan.FromHours(3));
        foreach (var (created, observed) in new[] { (-30, -10), (-170, -150), (-50, -40), (-100, -95) })
        {
            parts.State.Keys.Add(new TrackedKey
            {
                Id = Guid.NewGuid(), TenantId = parts.State.TenantId, State = KeyState.Synced,
                CreatedInEntraAt = parts.Now.AddMinutes(created), ObservedInAdAt = parts.Now.AddMinutes(observed),
            });
        }

        parts.Pipeline.RebuildExportFlow();

        Assert.Equal(parts.Now.AddMinutes(-30), parts.State.Backlog.Flow.Frontier);
        Assert.Equal(2, parts.State.Backlog.Flow.Synced);
    }
}
