namespace Whfb.SyncTracker.Domain.Engine;

/// <summary>
/// Keys reaching AD as SyncTracker sees them: the export frontier (the newest Entra creation time among keys that
/// reached AD, and what it was at an earlier moment) and the arrivals of the recent window (throughput). Rebuilt from
/// the keys after a restart, in the order they reached AD.
/// </summary>
internal sealed class ExportFlow(TimeSpan window)
{
    private readonly List<(DateTimeOffset Observed, DateTimeOffset Created)> _recent = [];

    // Each time the frontier moved: when, and to where. Kept from the last move before the window on.
    private readonly List<(DateTimeOffset Observed, DateTimeOffset Frontier)> _moves = [];

    public TimeSpan Window { get; } = window;

    /// <summary>The newest Entra creation time of a key that reached AD; null before the first.</summary>
    public DateTimeOffset? Frontier { get; private set; }

    public void Record(DateTimeOffset observedInAd, DateTimeOffset createdInEntra)
    {
        _recent.Add((observedInAd, createdInEntra));
        if (Frontier is { } f && f >= createdInEntra)
        {
            return;
        }

        Frontier = createdInEntra;
        _moves.Add((observedInAd, createdInEntra));
    }

    /// <summary>The frontier as it stood at <paramref name="at"/> (null when no key had reached AD by then, as far as this flow remembers).</summary>
    public DateTimeOffset? FrontierAt(DateTimeOffset at)
    {
        DateTimeOffset? frontier = null;
        foreach (var (observed, moved) in _moves)
        {
            if (observed <= at && (frontier is not { } f || moved > f))
            {
                frontier = moved;
            }
        }

        return frontier;
    }

    /// <summary>Forgets arrivals older than the window before <paramref name="now"/>, and frontier moves no question within the window needs.</summary>
    public void Prune(DateTimeOffset now)
    {
        var start = now - Window;
        _recent.RemoveAll(r => r.Observed <= start);
        if (FrontierAt(start) is { } atStart)
        {
            _moves.RemoveAll(m => m.Observed <= start);
            _moves.Add((start, atStart));
        }
    }

    /// <summary>Keys that reached AD within the window (call <see cref="Prune"/> first).</summary>
    public int Synced => _recent.Count;

    /// <summary>Keys that reached AD within the window and were created in Entra after <paramref name="since"/>.</summary>
    public int SyncedCreatedAfter(DateTimeOffset since) => _recent.Count(r => r.Created > since);
}
