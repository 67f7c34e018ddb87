using Microsoft.Extensions.Options;
using Whfb.Simulator.EntraConnect;

namespace Whfb.Simulator.Tenant;

/// <summary>
/// What the tenant's organization object says about directory synchronization: whether it is on
/// (<c>onPremisesSyncEnabled</c>: true once Entra Connect syncs the tenant, null for a tenant never synced) and when it
/// last ran (<c>onPremisesLastSyncDateTime</c>), which Entra Connect moves at the end of each cycle that synced.
/// </summary>
public sealed class DirectorySyncStatus(IOptions<EntraConnectOptions> options)
{
    private long _lastSyncTicks;

    public bool? Enabled => options.Value.Enabled || LastSync is not null ? true : null;

    public DateTimeOffset? LastSync
    {
        get
        {
            var ticks = Interlocked.Read(ref _lastSyncTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    /// <summary>A sync cycle finished at <paramref name="at"/> (never moves backwards).</summary>
    public void Synced(DateTimeOffset at)
    {
        long current;
        do
        {
            current = Interlocked.Read(ref _lastSyncTicks);
            if (at.UtcTicks <= current)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _lastSyncTicks, at.UtcTicks, current) != current);
    }
}
