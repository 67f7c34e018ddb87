namespace Whfb.Simulator.EntraConnect;

internal static partial class SyncLog
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Information,
        Message = "Sync cycle {Cycle}: {Exported} keys exported, {Removed} removed, {Failed} export errors, backlog {Backlog}, staging {Staging}")]
    public static partial void CycleCompleted(ILogger logger, int cycle, int exported, int removed, int failed, int backlog, bool staging);

    [LoggerMessage(EventId = 301, Level = LogLevel.Warning, Message = "Sync cycle skipped: scheduler disabled")]
    public static partial void CycleSkipped(ILogger logger);

    [LoggerMessage(EventId = 302, Level = LogLevel.Warning, Message = "Export to {DistinguishedName} failed with {ErrorCode}: {Reason}")]
    public static partial void ExportFailed(ILogger logger, string distinguishedName, int errorCode, string reason);

    [LoggerMessage(EventId = 303, Level = LogLevel.Error, Message = "Sync cycle failed; the scheduler keeps going")]
    public static partial void CycleFailed(ILogger logger, Exception exception);
}
