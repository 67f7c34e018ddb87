using Whfb.Contracts.Health;

namespace Whfb.SyncTracker.Domain;

public sealed partial class TenantSyncEngine
{
    private DirectoryState _directory = new() { TenantId = tenantId };

    public DirectoryState Directory => _directory;

    /// <summary>
    /// AD was observed recently enough to call a key stuck or the pipeline stalled for what it lacks: no scan failing now,
    /// and the last complete scan still fresh. Otherwise the clock waits, since a directory that cannot be read says
    /// nothing about Entra Connect.
    /// </summary>
    public bool AdObservationCurrent => _directory.IsCurrentAt(Now);

    /// <summary>A complete scan of <paramref name="server"/> that started at <paramref name="startedAt"/>; ends an unreachable episode.</summary>
    public void ObserveDirectoryScanned(string server, DateTimeOffset startedAt, TimeSpan validFor)
    {
        if (_directory.UnreachableSince is { } since)
        {
            Emit(new DirectoryReachable(EventIds.For("directory-reachable", TenantId, since), TenantId, server, since, Now));
        }

        _directory.ObservedAt = startedAt;
        _directory.FreshUntil = startedAt + validFor;
        _directory.Server = server;
        _directory.FailingSince = null;
        _directory.UnreachableSince = null;
        _directory.ConsecutiveFailures = 0;
        _directory.LastError = null;
        _changes.DirectoryChanged = true;
    }

    /// <summary>
    /// A scan failed (no domain controller reachable, or the bind refused). The <paramref name="episodeAfter"/>-th failure in a
    /// row opens the directory-unreachable episode, once, dated from the first.
    /// </summary>
    public void ObserveDirectoryFailure(IReadOnlyList<string> servers, string error, int episodeAfter)
    {
        _directory.FailingSince ??= Now;
        _directory.ConsecutiveFailures++;
        _directory.LastError = error;
        _changes.DirectoryChanged = true;
        if (_directory.UnreachableSince is null && _directory.ConsecutiveFailures >= episodeAfter)
        {
            var since = _directory.FailingSince.Value;
            _directory.UnreachableSince = since;
            Emit(new DirectoryUnreachable(EventIds.For("directory-unreachable", TenantId, since), TenantId, servers, error, since, Now));
        }
    }

    private void LoadDirectory(DirectoryState? state) => _directory = state ?? _directory;
}
