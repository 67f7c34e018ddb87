namespace Whfb.SyncTracker.Domain;

/// <summary>
/// How the tenant's AD is being observed: the last complete scan, and the current run of failed scans with its
/// directory-unreachable episode. Without any scan recorded the engine concludes from AD observations as they come.
/// </summary>
public sealed class DirectoryState
{
    public Guid TenantId { get; set; }

    /// <summary>When the last complete scan started: its view of AD is as of then.</summary>
    public DateTimeOffset? ObservedAt { get; set; }

    /// <summary>Past this time the last scan is too old to conclude anything from a value AD lacks.</summary>
    public DateTimeOffset? FreshUntil { get; set; }

    /// <summary>The domain controller of the last complete scan.</summary>
    public string? Server { get; set; }

    /// <summary>The first of the current run of failed scans; null once a scan completes.</summary>
    public DateTimeOffset? FailingSince { get; set; }

    public int ConsecutiveFailures { get; set; }

    /// <summary>Set when the run of failures became a directory-unreachable episode (the event was raised).</summary>
    public DateTimeOffset? UnreachableSince { get; set; }

    /// <summary>The last failure as the directory library described it (never a credential).</summary>
    public string? LastError { get; set; }

    public uint Version { get; set; }

    /// <summary>True when what AD lacks may be concluded from (no failure run, a scan fresh enough, or no scan recorded yet).</summary>
    public bool IsCurrentAt(DateTimeOffset now) => FailingSince is null && (FreshUntil is not { } until || now <= until);
}
