using System.Collections.Concurrent;

namespace Whfb.Simulator.EntraConnect;

/// <summary>
/// Faults a scenario (or a test) injects into the emulated sync server; changeable while it runs.
/// AdminSDHolder failures are not declared here: they follow the real adminCount of the AD user.
/// </summary>
public sealed class SyncFaults
{
    private readonly ConcurrentDictionary<string, bool> _outOfScope = new(StringComparer.OrdinalIgnoreCase);
    private int _disabledCycles;
    private int _stagingCycles;
    private int _partialExportLimit = -1;

    /// <summary>Every cycle exports at most this many keys of its backlog, oldest first (0 = no limit): a slow export.</summary>
    public int ExportLimitPerCycle { get; set; }

    /// <summary>Extra time every cycle takes (slow cycles).</summary>
    public TimeSpan SlowCycleExtra { get; set; }

    public void ExcludeFromScope(params IEnumerable<string> userIds)
    {
        foreach (var id in userIds)
        {
            _outOfScope[id] = true;
        }
    }

    public bool IsOutOfScope(string userId) => _outOfScope.ContainsKey(userId);

    /// <summary>The next <paramref name="cycles"/> scheduled cycles do not run (SyncCycleEnabled false).</summary>
    public void DisableScheduler(int cycles) => Interlocked.Exchange(ref _disabledCycles, cycles);

    /// <summary>The next <paramref name="cycles"/> cycles run in staging mode: imports only, no exports.</summary>
    public void EnterStagingMode(int cycles) => Interlocked.Exchange(ref _stagingCycles, cycles);

    /// <summary>The next cycle exports at most <paramref name="keys"/> keys of its backlog.</summary>
    public void ExportOnlyPartOfNextCycle(int keys) => Interlocked.Exchange(ref _partialExportLimit, keys);

    public bool SchedulerDisabled => Volatile.Read(ref _disabledCycles) > 0;

    public bool StagingMode => Volatile.Read(ref _stagingCycles) > 0;

    /// <summary>Consumes one disabled cycle; true when this tick is skipped.</summary>
    internal bool TakeDisabledCycle() => TakeOne(ref _disabledCycles);

    internal bool TakeStagingCycle() => TakeOne(ref _stagingCycles);

    /// <summary>The export limit of this cycle: the one-off partial export (consumed), the slow export, or int.MaxValue when none.</summary>
    internal int TakeExportLimit()
    {
        var once = Interlocked.Exchange(ref _partialExportLimit, -1);
        var slow = ExportLimitPerCycle > 0 ? ExportLimitPerCycle : int.MaxValue;
        return once < 0 ? slow : Math.Min(once, slow);
    }

    private static bool TakeOne(ref int counter)
    {
        while (true)
        {
            var current = Volatile.Read(ref counter);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref counter, current - 1, current) == current)
            {
                return true;
            }
        }
    }
}
