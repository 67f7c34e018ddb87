namespace Whfb.SyncTracker.Domain.Engine;

/// <summary>
/// Applies the thresholds at the current time: stalled pipeline, backlog, stuck keys, orphaned values. Safe to call often. Stall
/// and stuck are about what AD lacks: they wait while AD is not observed (<see cref="DirectoryMonitor.AdObservationCurrent"/>).
/// </summary>
internal sealed class ThresholdClock(
    TenantSyncState state, KeyLifecycle lifecycle, PipelineMonitor pipeline, StuckDiagnosis diagnosis, GraphConfirmation confirmation,
    DirectoryMonitor directory)
{
    public void Evaluate()
    {
        if (directory.AdObservationCurrent)
        {
            pipeline.EvaluatePipeline();
            pipeline.EvaluateBacklog();
            EvaluateWaitingKeys();
        }

        foreach (var key in state.Keys.Unmatched
                     .Where(k => state.Now - k.UnmatchedSince >= state.Thresholds.OrphanGrace && confirmation.NoEntraKeyConfirmed(k)).ToArray())
        {
            lifecycle.Orphaned(key);
        }
    }

    private void EvaluateWaitingKeys()
    {
        foreach (var key in state.Keys.Waiting
                     .Where(k => k.State == KeyState.AwaitingAd && state.Now - k.CreatedInEntraAt >= state.Thresholds.StuckAfter && confirmation.StillListed(k))
                     .ToArray())
        {
            var hints = diagnosis.Hints(key);
            lifecycle.Stuck(key, hints, diagnosis.OwnCause(key, hints));
        }
    }
}
