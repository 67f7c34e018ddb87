namespace Whfb.Simulator.EntraConnect;

/// <summary>What Get-ADSyncScheduler shows, plus the emulator's cycle counters.</summary>
public sealed record SchedulerState
{
    public bool SyncCycleEnabled { get; init; } = true;

    public bool StagingModeEnabled { get; init; }

    public bool SchedulerSuspended { get; init; }

    public TimeSpan CurrentlyEffectiveSyncCycleInterval { get; init; }

    public DateTimeOffset? NextSyncCycleStartTimeInUTC { get; init; }

    public int CycleCount { get; init; }

    public int SkippedCycles { get; init; }

    public DateTimeOffset? LastCycleStartTimeInUTC { get; init; }

    public DateTimeOffset? LastCycleEndTimeInUTC { get; init; }

    /// <summary>Success, StagingNoExport, CompletedExportErrors, Skipped (scheduler disabled).</summary>
    public string? LastCycleResult { get; init; }

    public int KeysExported { get; init; }

    public int KeysRemoved { get; init; }

    /// <summary>Keys waiting for export (new, failed or cut off by a partial cycle) after the last cycle.</summary>
    public int Backlog { get; init; }

    public IReadOnlyList<ExportFailure> LastCycleFailures { get; init; } = [];
}

/// <summary>One export error, like the connector space's "permission-issue" (8344) entries.</summary>
public sealed record ExportFailure(string UserId, string DistinguishedName, int ErrorCode, string Message);
