using Whfb.Contracts.Health;

namespace Whfb.SyncTracker.Domain.Engine;

/// <summary>
/// How AD is being observed: complete scans and runs of failed ones, with the directory-unreachable episode. While AD
/// is not observed the clock concludes nothing from what AD lacks.
/// </summary>
internal sealed class DirectoryMonitor(TenantSyncState state)
{
    private DirectoryState Directory => state.Directory;

    /// <summary>
    /// AD was observed recently enough to call a key stuck or the pipeline stalled for what it lacks: no scan failing now,
    /// and the last complete scan still fresh. Otherwise the clock waits, since a directory that cannot be read says
    /// nothing about Entra Connect.
    /// </summary>
    public bool AdObservationCurrent => Directory.IsCurrentAt(state.Now);

    /// <summary>A complete scan of <paramref name="server"/> that started at <paramref name="startedAt"/>; ends an unreachable episode.</summary>
    public void ObserveDirectoryScanned(string server, DateTimeOffset startedAt, TimeSpan validFor)
    {
        if (Directory.UnreachableSince is { } since)
        {
            Emit(new DirectoryReachable(EventIds.For("directory-reachable", state.TenantId, since), state.TenantId, server, since, state.Now));
        }

        Directory.ObservedAt = startedAt;
        Directory.FreshUntil = startedAt + validFor;
        Directory.Server = server;
        Directory.FailingSince = null;
        Directory.UnreachableSince = null;
        Directory.ConsecutiveFailures = 0;
        Directory.LastError = null;
        state.Changes.DirectoryChanged = true;
    }

    /// <summary>
    /// A scan failed (no domain controller reachable, or the bind refused). The <paramref name="episodeAfter"/>-th failure in a
    /// row opens the directory-unreachable episode, once, dated from the first.
    /// </summary>
    public void ObserveDirectoryFailure(IReadOnlyList<string> servers, string error, int episodeAfter)
    {
        Directory.FailingSince ??= state.Now;
        Directory.ConsecutiveFailures++;
        Directory.LastError = error;
        state.Changes.DirectoryChanged = true;
        if (Directory.UnreachableSince is null && Directory.ConsecutiveFailures >= episodeAfter)
        {
            var since = Directory.FailingSince.Value;
            Directory.UnreachableSince = since;
            Emit(new DirectoryUnreachable(EventIds.For("directory-unreachable", state.TenantId, since), state.TenantId, servers, error, since, state.Now));
        }
    }

    private void Emit(object message) => state.Changes.Events.Add(message);
}
