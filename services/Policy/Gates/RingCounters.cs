using Microsoft.EntityFrameworkCore;
using Whfb.Policy.Infrastructure;
using Whfb.Policy.Model;

namespace Whfb.Policy.Gates;

/// <summary>What the telemetry says about one ring's devices.</summary>
/// <param name="Failed">Key registration failed and no key registered since.</param>
/// <param name="Stuck">A key waits for AD longer than SyncTracker's stuck threshold.</param>
public sealed record RingCounters(int Devices, int PrerequisitesPassed, int Provisioned, int Failed, int Synced, int Stuck)
{
    public static readonly RingCounters None = new(0, 0, 0, 0, 0, 0);

    /// <summary>Counters of every ring of a rollout that has devices, by ring index.</summary>
    public static async Task<Dictionary<int, RingCounters>> OfRolloutAsync(PolicyDbContext db, Guid rolloutId, CancellationToken ct)
    {
        var rows = await db.Set<DeviceOutcome>().AsNoTracking()
            .Where(d => d.RolloutId == rolloutId)
            .GroupBy(d => d.RingIndex)
            .Select(g => new
            {
                Ring = g.Key,
                Devices = g.Count(),
                Passed = g.Count(d => d.PrerequisitesPassed == true),
                Provisioned = g.Count(d => d.Provisioned),
                Failed = g.Count(d => d.ProvisioningFailed && !d.Provisioned),
                Synced = g.Count(d => d.KeySynced),
                Stuck = g.Count(d => d.KeyStuck),
            })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Ring, r => new RingCounters(r.Devices, r.Passed, r.Provisioned, r.Failed, r.Synced, r.Stuck));
    }
}
