using Whfb.Directory.Ldap;

namespace Whfb.SyncTracker.ActiveDirectory;

/// <summary>
/// What the last scans found out about each domain controller, for <c>/health/ready</c>: which one answers, which ones
/// do not (since when, why). Kept in memory by <see cref="Tracking.AdScanService"/>; the episode and its events live in the engine.
/// </summary>
public sealed class DirectoryHealth
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Uri, ServerStatus> _failing = [];
    private Uri? _answering;
    private DateTimeOffset? _lastScanAt;
    private DateTimeOffset? _unreachableSince;
    private string? _lastError;

    /// <summary>One domain controller that does not answer: since when, and the last reason.</summary>
    public sealed record ServerStatus(Uri Server, DateTimeOffset Since, string Error);

    /// <summary>A snapshot: the DC that answered the last scan (null while none does), the failing ones, and since when none answers.</summary>
    public sealed record Snapshot(
        Uri? Answering, DateTimeOffset? LastScanAt, IReadOnlyList<ServerStatus> Failing, DateTimeOffset? UnreachableSince, string? LastError);

    public void ScanSucceeded(Uri server, IReadOnlyList<ServerFailure> skipped, DateTimeOffset at)
    {
        lock (_lock)
        {
            _answering = server;
            _lastScanAt = at;
            _unreachableSince = null;
            _lastError = null;
            foreach (var known in _failing.Keys.Where(s => skipped.All(f => f.Server != s)).ToList())
            {
                _failing.Remove(known);
            }

            RecordFailures(skipped, at);
        }
    }

    public void ScanFailed(IReadOnlyList<ServerFailure> servers, string error, DateTimeOffset at)
    {
        lock (_lock)
        {
            _answering = null;
            _unreachableSince ??= at;
            _lastError = error;
            RecordFailures(servers, at);
        }
    }

    public Snapshot Current()
    {
        lock (_lock)
        {
            return new Snapshot(_answering, _lastScanAt, [.. _failing.Values.OrderBy(s => s.Since)], _unreachableSince, _lastError);
        }
    }

    private void RecordFailures(IReadOnlyList<ServerFailure> failures, DateTimeOffset at)
    {
        foreach (var failure in failures)
        {
            _failing[failure.Server] = new ServerStatus(failure.Server, _failing.TryGetValue(failure.Server, out var known) ? known.Since : at, failure.Error);
        }
    }
}
