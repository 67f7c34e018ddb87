using Microsoft.EntityFrameworkCore;
using Whfb.Directory.Ldap;
using Whfb.SyncTracker.ActiveDirectory;
using Whfb.SyncTracker.Domain;

namespace Whfb.SyncTracker.Tracking;

/// <summary>
/// Everything the AD scan does to the engine, one method per unit of work through <see cref="SyncCoordinator.RunAsync"/>
/// (each its own transaction). The passes in <c>ActiveDirectory/</c> talk to the directory between these calls; this
/// file says what reaches the engine and when it is saved.
/// </summary>
internal sealed class AdScanDriver(SyncCoordinator coordinator, Guid tenantId)
{
    /// <summary>Before a scan, saving nothing: the stored cursors per DC and the users expected to hold keys (for smells).</summary>
    public async Task<(List<ScanCheckpoint> Checkpoints, IReadOnlyCollection<Guid> Holders)> BeginScanAsync(CancellationToken cancellationToken)
    {
        List<ScanCheckpoint> checkpoints = [];
        IReadOnlyCollection<Guid> holders = [];
        await coordinator.RunAsync(tenantId, async (engine, db, ct) =>
        {
            checkpoints = await db.Set<ScanCheckpoint>().AsNoTracking().Where(c => c.TenantId == tenantId).ToListAsync(ct);
            holders = engine.ExpectedKeyHolders();
            return false;
        }, cancellationToken);
        return (checkpoints, holders);
    }

    /// <summary>
    /// One page of a scan, saved on its own: permission smells, then every user with its values. A user returned without
    /// values but flagged unreadable is skipped (nothing is known to be gone); users with values are added to
    /// <paramref name="seenWithValues"/> for <see cref="CompleteScanAsync"/>.
    /// </summary>
    public Task ApplyPageAsync(KeyScanPage page, ISet<Guid> seenWithValues, CancellationToken cancellationToken) =>
        coordinator.RunAsync(tenantId, (engine, _, _) =>
        {
            var unreadable = page.Smells.Select(s => s.ObjectGuid).ToHashSet();
            ObserveSmells(engine, page.Smells);
            foreach (var user in page.Users)
            {
                if (user.Values.Count > 0)
                {
                    seenWithValues.Add(user.ObjectGuid);
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

    /// <summary>
    /// After all pages, saved together with the DC's new cursor: the scan's smells, the holders a full scan no longer
    /// returned, and that AD was observed (by which DC, as of <paramref name="startedAt"/>).
    /// </summary>
    public Task CompleteScanAsync(
        KeyScanSummary summary, IReadOnlySet<Guid> seenWithValues, string server, DateTimeOffset startedAt, TimeSpan validFor,
        CancellationToken cancellationToken) =>
        coordinator.RunAsync(tenantId, async (engine, db, ct) =>
        {
            ObserveSmells(engine, summary.Smells);
            if (summary.Mode == ScanMode.Full)
            {
                engine.CompleteFullScan(seenWithValues);
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
            engine.ObserveDirectoryScanned(server, startedAt, validFor);
            return true;
        }, cancellationToken);

    /// <summary>
    /// The users to look up by anchor, marked looked up and saved before the directory is asked (saved only when any is
    /// due), so a failing lookup is tried again a cycle later, not at every scan.
    /// </summary>
    public async Task<IReadOnlyList<AdLookupRequest>> TakeLookupsAsync(int max, CancellationToken cancellationToken)
    {
        IReadOnlyList<AdLookupRequest> due = [];
        await coordinator.RunAsync(tenantId, (engine, _, _) =>
        {
            due = engine.TakeAdLookups(max);
            return Task.FromResult(due.Count > 0);
        }, cancellationToken);
        return due;
    }

    /// <summary>What the lookups found, saved together: users read, and requests AD has no user for.</summary>
    public Task ApplyLookupsAsync(IEnumerable<ScannedUser> found, IEnumerable<AdLookupRequest> absent, CancellationToken cancellationToken) =>
        coordinator.RunAsync(tenantId, (engine, _, _) =>
        {
            foreach (var user in found)
            {
                engine.ObserveLookedUpAdUser(user.ToObservation());
            }

            foreach (var request in absent)
            {
                engine.ObserveAbsentFromAd(request);
            }

            return Task.FromResult(true);
        }, cancellationToken);

    /// <summary>A failed scan or lookup the directory caused, saved: the engine counts the run and opens the unreachable episode.</summary>
    public Task RecordFailureAsync(IReadOnlyList<string> servers, string error, int episodeAfter, CancellationToken cancellationToken) =>
        coordinator.RunAsync(tenantId, (engine, _, _) =>
        {
            engine.ObserveDirectoryFailure(servers, error, episodeAfter);
            return Task.FromResult(true);
        }, cancellationToken);

    private static void ObserveSmells(TenantSyncEngine engine, IEnumerable<PermissionSmell> smells)
    {
        foreach (var smell in smells)
        {
            engine.ObserveAttributeUnreadable(smell.ObjectGuid, smell.DistinguishedName, smell.AdminCount == 1);
        }
    }
}
