using Microsoft.Extensions.Options;
using Whfb.Directory.Ldap;
using Whfb.SyncTracker.ActiveDirectory;

namespace Whfb.SyncTracker.Tracking;

/// <summary>
/// Scans msDS-KeyCredentialLink: a full scan when no cursor of the answering DC is stored, incremental scans
/// (uSNChanged) every interval after that, each followed by the lookups by anchor the engine asks for
/// (<see cref="AdLookupPass"/>); a failed scan is retried at the next tick on a new connection (from the first DC of
/// the list again). Successes and failures go to <see cref="DirectoryHealth"/> and to the engine
/// (<see cref="DirectoryFailurePass"/>), which keeps the directory-unreachable episode.
/// </summary>
public sealed partial class AdScanService(
    SyncCoordinator coordinator, IOptions<AdScanOptions> options, IOptions<SyncTrackerOptions> tracker, DirectoryHealth health,
    TimeProvider time, ILogger<AdScanService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var tenantId = tracker.Value.TenantId;
        if (!options.Value.Enabled || tenantId == Guid.Empty)
        {
            LogDisabled(logger);
            return;
        }

        var driver = new AdScanDriver(coordinator, tenantId);
        using var timer = new PeriodicTimer(options.Value.ScanInterval, time);
        KeyCredentialScanner? scanner = null;
        try
        {
            do
            {
                try
                {
                    scanner ??= new KeyCredentialScanner(options.Value.ToLdap(), time);
                    var started = time.GetUtcNow();
                    var summary = await new AdScanPass(driver).RunAsync(scanner, started, options.Value.ObservationValidFor, stoppingToken);
                    health.ScanSucceeded(scanner.Server!, scanner.SkippedServers, time.GetUtcNow());
                    LogScanned(logger, summary.Mode, scanner.Server, summary.Users, summary.Values, summary.SmellCount, summary.Elapsed.TotalMilliseconds);
                    var lookups = await new AdLookupPass(driver).RunAsync(scanner, options.Value.MaxLookupsPerScan, stoppingToken);
                    if (lookups is not null)
                    {
                        LogLookedUp(logger, lookups.Found.Count, lookups.Absent.Count);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(logger, e);
                    scanner?.Dispose();
                    scanner = null;
                    await new DirectoryFailurePass(driver, health, options.Value, time, logger).RecordAsync(e, stoppingToken);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        finally
        {
            scanner?.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "AD scanning is off (no SyncTracker:Directory:Url / BaseDns or no SyncTracker:TenantId)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Mode} AD scan of {Server}: {Users} users, {Values} values, {Smells} permission smells in {Millis:0} ms")]
    private static partial void LogScanned(ILogger logger, ScanMode mode, Uri? server, int users, int values, int smells, double millis);

    [LoggerMessage(Level = LogLevel.Information, Message = "AD lookup by anchor of users with keys waiting past a cycle: {Found} found, {Absent} absent")]
    private static partial void LogLookedUp(ILogger logger, int found, int absent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AD scan or lookup failed; retrying at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
