namespace Whfb.SyncTracker.Domain.Engine;

/// <summary>
/// Keys reaching AD as SyncTracker sees them: the export frontier (the newest Entra creation time among keys that
/// reached AD) and the arrivals of the recent window (throughput). Rebuilt from the keys after a restart.
/// </summary>
internal sealed class ExportFlow(TimeSpan window)
{
    private readonly List<(DateTimeOffset Observed, DateTimeOffset Created)> _recent = [];

    public TimeSpan Window { get; } = window;

    /// <summary>The newest Entra creation time of a key that reached AD; null before the first.</summary>
    public DateTimeOffset? Frontier { get; private set; }

    public void Record(DateTimeOffset observedInAd, DateTimeOffset createdInEntra)
    {
        _recent.Add((observedInAd, createdInEntra));
        Frontier = Frontier is { } f && f >= createdInEntra ? f : createdInEntra;
    }

    /// <summary>Forgets arrivals older than the window before <paramref name="now"/>.</summary>
    public void Prune(DateTimeOffset now) => _recent.RemoveAll(r => r.Observed <= now - Window);

    /// <summary>Keys that reached AD within the window (call <see cref="Prune"/> first).</summary>
    public int Synced => _recent.Count;

    /// <summary>Keys that reached AD within the window and were created in Entra after <paramref name="since"/>.</summary>
    public int SyncedCreatedAfter(DateTimeOffset since) => _recent.Count(r => r.Created > since);
}
