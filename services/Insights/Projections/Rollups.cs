namespace Whfb.Insights.Projections;

/// <summary>A device reaching funnel steps on one day, with the device's dimensions at that moment.</summary>
public sealed record FunnelKey(Guid TenantId, DateOnly Day, Guid RolloutId, int RingIndex, string Domain, string DeviceModel);

/// <summary>Counts of the four funnel steps: policy assigned, prerequisites passed, key registered, key in AD.</summary>
public sealed record FunnelCounts(int Assigned, int PrereqsPassed, int KeyRegistered, int KeyInAd)
{
    public static readonly FunnelCounts Zero = new(0, 0, 0, 0);

    public FunnelCounts Add(FunnelCounts o) =>
        new(Assigned + o.Assigned, PrereqsPassed + o.PrereqsPassed, KeyRegistered + o.KeyRegistered, KeyInAd + o.KeyInAd);
}

/// <summary>A histogram bucket of one day: sync latency in minutes, or time to on-prem access in hours.</summary>
public sealed record HistogramKey(Guid TenantId, DateOnly Day, int Bucket);

/// <summary>A failure reason of one day: category (prerequisite, error-code, device-registration) and the reason.</summary>
public sealed record FailureKey(Guid TenantId, DateOnly Day, string Category, string Reason);

/// <summary>An alert episode opened or closed by an event.</summary>
/// <param name="FoldsInto">
/// Episode key of another alert of the tenant: an opening while that one is open is folded into it (no notification).
/// </param>
public sealed record AlertChange(
    Guid TenantId, string EpisodeKey, string Kind, bool Opens, string Title, string Text, DateTimeOffset At, Guid? DeviceId,
    string? FoldsInto = null)
{
    /// <summary>A close also closes open episodes under these keys: the same episode opened under an earlier identity.</summary>
    public IReadOnlyList<string> AlsoCloses { get; init; } = [];

    /// <summary>The alert has no cause of its own: a pipeline episode that opens later adopts it (<see cref="AdoptsFoldable"/>).</summary>
    public bool Foldable { get; init; }

    /// <summary>Opening this episode folds into it the tenant's open foldable alerts (those already sent stay sent; its text counts them).</summary>
    public bool AdoptsFoldable { get; init; }
}

/// <summary>What applying a batch adds to the daily rollups and the alerts, besides the projection states.</summary>
public sealed class RollupDeltas
{
    public Dictionary<FunnelKey, FunnelCounts> Funnel { get; } = [];
    public Dictionary<HistogramKey, int> Latency { get; } = [];
    public Dictionary<HistogramKey, int> Access { get; } = [];
    public Dictionary<FailureKey, (int Count, string? Meaning, List<Guid> Examples)> Failures { get; } = [];
    public List<AlertChange> Alerts { get; } = [];

    public void AddFunnel(FunnelKey key, FunnelCounts counts) =>
        Funnel[key] = Funnel.TryGetValue(key, out var c) ? c.Add(counts) : counts;

    public static void AddCount(Dictionary<HistogramKey, int> histogram, HistogramKey key) =>
        histogram[key] = histogram.GetValueOrDefault(key) + 1;

    public void AddFailure(FailureKey key, string? meaning, Guid device)
    {
        var (count, known, examples) = Failures.TryGetValue(key, out var f) ? f : (0, null, new List<Guid>());
        if (examples.Count < 3 && !examples.Contains(device))
        {
            examples.Add(device);
        }

        Failures[key] = (count + 1, known ?? meaning, examples);
    }
}
