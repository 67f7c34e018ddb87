using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Whfb.Simulator.Tenant;

namespace Whfb.Simulator.EntraConnect;

/// <summary>
/// One Entra Connect sync cycle at a time: takes the keys that existed in Entra when the cycle started, for
/// synced users in scope, and (unless staging or disabled) exports the backlog to AD, honouring the faults. A cycle that
/// synced moves the tenant's <c>onPremisesLastSyncDateTime</c> when it ends; a skipped (scheduler disabled), staging-mode
/// or failed cycle does not, as a stalled Entra Connect leaves it behind.
/// </summary>
public sealed class SyncEngine(
    TenantDirectory directory, HelloMethodStore methods, SyncFaults faults, DirectorySyncStatus status, IOptions<EntraConnectOptions> options,
    TimeProvider time, ILogger<SyncEngine> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lazy<KeyExporter> _exporter = new(() => new KeyExporter(options.Value.Directory()));
    private SchedulerState _state = new() { CurrentlyEffectiveSyncCycleInterval = options.Value.CycleInterval };

    public SchedulerState State => Volatile.Read(ref _state) with
    {
        SyncCycleEnabled = !faults.SchedulerDisabled,
        StagingModeEnabled = faults.StagingMode || _state.StagingModeEnabled,
    };

    internal void ScheduleNext(DateTimeOffset next) => Update(s => s with { NextSyncCycleStartTimeInUTC = next });

    public async Task<SchedulerState> RunCycleAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (faults.TakeDisabledCycle())
            {
                SyncLog.CycleSkipped(logger);
                return Update(s => s with { SkippedCycles = s.SkippedCycles + 1, LastCycleResult = "Skipped" });
            }

            var start = time.GetUtcNow();
            var staging = faults.TakeStagingCycle();
            var pending = Pending(start);
            Update(s => s with { LastCycleStartTimeInUTC = start, StagingModeEnabled = staging });
            if (faults.SlowCycleExtra > TimeSpan.Zero)
            {
                await Task.Delay(faults.SlowCycleExtra, time, cancellationToken);
            }

            var result = staging ? new CycleResult(0, 0, [], pending.Count) : await ExportAsync(pending, cancellationToken);
            SyncLog.CycleCompleted(logger, State.CycleCount + 1, result.Exported, result.Removed, result.Failures.Count, result.Backlog, staging);
            var end = time.GetUtcNow();
            if (!staging)
            {
                status.Synced(end);
            }

            return Update(s => s with
            {
                CycleCount = s.CycleCount + 1,
                LastCycleEndTimeInUTC = end,
                LastCycleResult = staging ? "StagingNoExport" : result.Failures.Count > 0 ? "CompletedExportErrors" : "Success",
                KeysExported = s.KeysExported + result.Exported,
                KeysRemoved = s.KeysRemoved + result.Removed,
                Backlog = result.Backlog,
                LastCycleFailures = result.Failures,
            });
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        if (_exporter.IsValueCreated)
        {
            _exporter.Value.Dispose();
        }

        _gate.Dispose();
    }

    private List<(HelloMethod Method, TenantUser User)> Pending(DateTimeOffset cycleStart) => methods.All()
        .Where(m => m.CreatedDateTime <= cycleStart && !_exporter.Value.IsExported(m.Id))
        .Select(m => (Method: m, User: directory.FindUser(m.UserId)))
        .Where(p => p.User is { OnPremisesDistinguishedName: not null } && !faults.IsOutOfScope(p.User.Id))
        .OrderBy(p => p.Method.CreatedDateTime)
        .Select(p => (p.Method, p.User!))
        .ToList();

    private async Task<CycleResult> ExportAsync(List<(HelloMethod Method, TenantUser User)> pending, CancellationToken cancellationToken)
    {
        var exporter = _exporter.Value;
        var removed = await exporter.RemoveDeletedAsync(methods.All().Select(m => m.Id).ToHashSet(StringComparer.OrdinalIgnoreCase), cancellationToken);
        var (exported, failures, limit) = (0, new ConcurrentQueue<ExportFailure>(), faults.TakeExportLimit());
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.ExportConnections), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(pending.Take(limit), parallel, async (item, token) =>
        {
            if (await exporter.AddAsync(item.Method, item.User, token) is { } failure)
            {
                SyncLog.ExportFailed(logger, failure.DistinguishedName, failure.ErrorCode, failure.Message);
                failures.Enqueue(failure);
            }
            else
            {
                Interlocked.Increment(ref exported);
            }
        });

        return new CycleResult(exported, removed, [.. failures], pending.Count - exported);
    }

    private SchedulerState Update(Func<SchedulerState, SchedulerState> change)
    {
        SchedulerState current, next;
        do
        {
            current = Volatile.Read(ref _state);
            next = change(current);
        }
        while (Interlocked.CompareExchange(ref _state, next, current) != current);
        return next;
    }

    private sealed record CycleResult(int Exported, int Removed, IReadOnlyList<ExportFailure> Failures, int Backlog);
}
