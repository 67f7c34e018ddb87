using Microsoft.EntityFrameworkCore;
using Whfb.Directory.Ldap;
using Whfb.SyncTracker.Tracking;

namespace Whfb.SyncTracker.ActiveDirectory;

/// <summary>
/// One scan of the directory: starts from the stored cursors, hands every page to the engine (saved page by page),
/// then sweeps holders a full scan no longer returned and stores the new cursor, after all pages were handled, with the
/// engine told that AD was observed (by which DC, as of when).
/// </summary>
internal sealed class AdScanPass(SyncCoordinator coordinator, Guid tenantId)
{
    private readonly HashSet<Guid> _seenWithValues = [];

    public async Task<KeyScanSummary> RunAsync(
        KeyCredentialScanner scanner, DateTimeOffset startedAt, TimeSpan validFor, CancellationToken cancellationToken)
    {
        List<ScanCheckpoint> checkpoints = [];
        IReadOnlyCollection<Guid> holders = [];
        await coordinator.RunAsync(tenantId, async (engine, db, ct) =>
        {
            checkpoints = await db.Set<ScanCheckpoint>().AsNoTracking().Where(c => c.TenantId == tenantId).ToListAsync(ct);
            holders = engine.ExpectedKeyHolders();
            return false;
        }, cancellationToken);

        var request = new KeyScanRequest { Cursors = [.. checkpoints.Select(c => c.ToCursor())], KnownKeyHolders = holders };
        var summary = await scanner.ScanAsync(request, (page, ct) => new ValueTask(ApplyPageAsync(page, ct)), cancellationToken);
        await coordinator.RunAsync(tenantId, async (engine, db, ct) =>
        {
            foreach (var smell in summary.Smells)
            {
                engine.ObserveAttributeUnreadable(smell.ObjectGuid, smell.DistinguishedName, smell.AdminCount == 1);
            }

            if (summary.Mode == ScanMode.Full)
            {
                engine.CompleteFullScan(_seenWithValues);
            }

            var row = await db.Set<ScanCheckpoint>().FindAsync([tenantId, summary.Cursor.DsServiceName], ct);
            if (row is null)
            {
                row = new ScanCheckpoint { TenantId = tenantId, DsServiceName = summary.Cursor.DsServiceName };
                db.Add(row);
            }

            row.InvocationId = summary.Cursor.InvocationId;
            row.HighestCommittedUsn = summary.Cursor.HighestCommittedUsn;
            row.ScannedAt = engine.Now;
            row.LastMode = summary.Mode.ToString();
            engine.ObserveDirectoryScanned(scanner.Server?.ToString() ?? summary.Cursor.DsServiceName, startedAt, validFor);
            return true;
        }, cancellationToken);
        return summary;
    }

    private Task ApplyPageAsync(KeyScanPage page, CancellationToken cancellationToken) =>
        coordinator.RunAsync(tenantId, (engine, _, _) =>
        {
            var unreadable = page.Smells.Select(s => s.ObjectGuid).ToHashSet();
            foreach (var smell in page.Smells)
            {
                engine.ObserveAttributeUnreadable(smell.ObjectGuid, smell.DistinguishedName, smell.AdminCount == 1);
            }

            foreach (var user in page.Users)
            {
                if (user.Values.Count > 0)
                {
                    _seenWithValues.Add(user.ObjectGuid);
                }
                else if (unreadable.Contains(user.ObjectGuid))
                {
                    // No values where keys were expected: unreadable, or not written yet; nothing is known to be gone.
                    continue;
                }

                engine.ObserveAdUser(user.ToObservation());
            }

            return Task.FromResult(true);
        }, cancellationToken);
}
