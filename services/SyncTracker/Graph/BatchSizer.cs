namespace Whfb.SyncTracker.Graph;

/// <summary>
/// How many steps the next $batch carries. Graph throttles each step on its own, so a batch larger than what is left of
/// the budget only collects 429s: after throttled steps the next batch carries as many as got through; after a batch
/// that got through without Graph saying the app is near its limit (<c>x-ms-throttle-limit-percentage</c> ≥ 0.8), it grows
/// by half again, up to <see cref="GraphInventoryOptions.BatchSize"/> (20, Graph's maximum).
/// </summary>
public sealed class BatchSizer(int max)
{
    private readonly int _max = max;

    public int Size { get; private set; } = max;

    public void Observe(int answered, StepSignals signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        if (signals.Throttled > 0)
        {
            Size = Math.Max(1, answered);
        }
        else if (!(signals.LimitPercentage >= GraphPacer.NearLimit))
        {
            Size = Math.Min(_max, Size + Math.Max(1, Size / 2));
        }
    }
}
