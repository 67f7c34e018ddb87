namespace Whfb.SyncTracker.Graph;

/// <summary>
/// Bound from "SyncTracker:Graph" (the connection itself comes from the shared "Graph" section). Off unless
/// <see cref="Enabled"/>: then a full inventory runs at start and every <see cref="SettledRecheckInterval"/>, users delta
/// every <see cref="DeltaInterval"/>, and users with keys waiting for AD are re-listed every <see cref="PendingRecheckInterval"/>.
/// </summary>
public sealed class GraphInventoryOptions
{
    public const string Section = "SyncTracker:Graph";

    public bool Enabled { get; set; }

    /// <summary>How often the service wakes up to see what is due (delta, pending, full inventory).</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan DeltaInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Users with a key awaiting AD: their WHfB methods are listed again this often.</summary>
    public TimeSpan PendingRecheckInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Full inventory (userRegistrationDetails + every WHfB user's methods): settled users are re-checked this often.</summary>
    public TimeSpan SettledRecheckInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Steps per $batch request (Graph allows 20).</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>$top of userRegistrationDetails pages (Graph allows 999).</summary>
    public int ReportPageSize { get; set; } = 999;

    /// <summary>Prefer odata.maxpagesize for users delta pages.</summary>
    public int DeltaPageSize { get; set; } = 200;

    /// <summary>A key Graph does not list yet is not called deleted before it is this old (Graph's listing lags a registration).</summary>
    public TimeSpan ListingLag { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Adaptive rate: the pause between requests never grows beyond this (nor shrinks below <see cref="MinRequestInterval"/>).</summary>
    public TimeSpan MaxRequestInterval { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MinRequestInterval { get; set; } = TimeSpan.Zero;

    /// <summary>Throttled steps are retried up to this many rounds within one pass; the rest wait for the next pass.</summary>
    public int MaxRetryRounds { get; set; } = 5;

    /// <summary>
    /// A pass stops taking users after this long; the users still owed a listing wait for the next tick, where users with
    /// keys waiting for AD and new users go first again (what a small throttling budget leaves for settled re-checks).
    /// </summary>
    public TimeSpan MaxPassDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the organization object is read (onPremisesLastSyncDateTime, the second stall signal).</summary>
    public TimeSpan SyncStatusInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A feature Graph refused (missing permission or licence) is tried again this often, so a grant resumes it by itself.</summary>
    public TimeSpan AccessProbeInterval { get; set; } = TimeSpan.FromMinutes(15);
}
