using Whfb.Directory.Ldap;
using Whfb.SyncTracker.Tracking;

namespace Whfb.SyncTracker.ActiveDirectory;

/// <summary>
/// One scan of the directory: starts from the stored cursors, hands every page to the engine (saved page by page),
/// then sweeps holders a full scan no longer returned and stores the new cursor, after all pages were handled, with the
/// engine told that AD was observed (by which DC, as of when). What reaches the engine is in <see cref="AdScanDriver"/>.
/// </summary>
internal sealed class AdScanPass(AdScanDriver driver)
{
    private readonly HashSet<Guid> _seenWithValues = [];

    public async Task<KeyScanSummary> RunAsync(
        KeyCredentialScanner scanner, DateTimeOffset startedAt, TimeSpan validFor, CancellationToken cancellationToken)
    {
        var (checkpoints, holders) = await driver.BeginScanAsync(cancellationToken);
        var request = new KeyScanRequest { Cursors = [.. checkpoints.Select(c => c.ToCursor())], KnownKeyHolders = holders };
        var summary = await scanner.ScanAsync(
            request, (page, ct) => new ValueTask(driver.ApplyPageAsync(page, _seenWithValues, ct)), cancellationToken);
        var server = scanner.Server?.ToString() ?? summary.Cursor.DsServiceName;
        await driver.CompleteScanAsync(summary, _seenWithValues, server, startedAt, validFor, cancellationToken);
        return summary;
    }
}
