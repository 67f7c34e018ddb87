using Whfb.Directory.Ldap;
using Whfb.SyncTracker.Tracking;

namespace Whfb.SyncTracker.ActiveDirectory;

/// <summary>
/// After a failed scan or lookup: when the directory itself failed (no DC reachable, the bind or the configuration
/// refused), records it in <see cref="DirectoryHealth"/> and in the engine, which opens the directory-unreachable episode
/// after enough failures in a row. Other failures (the database, say) are not the directory's.
/// </summary>
internal sealed partial class DirectoryFailurePass(
    AdScanDriver driver, DirectoryHealth health, AdScanOptions options, TimeProvider time, ILogger logger)
{
    private const int MaxErrorLength = 2000;

    public async Task RecordAsync(Exception failure, CancellationToken cancellationToken)
    {
        if (failure is not (DirectoryAccessException or DirectoryConfigurationException))
        {
            return;
        }

        var error = failure.Message.Length <= MaxErrorLength ? failure.Message : failure.Message[..MaxErrorLength];
        IReadOnlyList<ServerFailure> failures = failure switch
        {
            DirectoryUnavailableException { Failures.Count: > 0 } unavailable => unavailable.Failures,
            DirectoryBindException { Server: { } server } => [new ServerFailure(server, error, false)],
            _ => [.. options.FailoverUrls.Prepend(options.Url!).Select(u => new ServerFailure(new Uri(u), error, false))],
        };
        health.ScanFailed(failures, error, time.GetUtcNow());
        try
        {
            await driver.RecordFailureAsync([.. failures.Select(f => f.Server.ToString())], error, options.UnreachableAfterFailures, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogNotRecorded(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record the directory failure in the sync state; retrying at the next interval")]
    private static partial void LogNotRecorded(ILogger logger, Exception exception);
}
