using Microsoft.Extensions.Options;
using Whfb.Directory.Ldap;

namespace Whfb.Simulator.EntraConnect;

/// <summary>Starts a sync cycle every CycleInterval of <see cref="TimeProvider"/> time (when enabled).</summary>
public sealed class SyncSchedulerService(
    SyncEngine engine, IOptions<EntraConnectOptions> options, TimeProvider time, ILogger<SyncSchedulerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var interval = options.Value.CycleInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = time.GetUtcNow() + interval;
            var wait = Task.Delay(interval, time, stoppingToken);
            engine.ScheduleNext(next);
            await wait;
            try
            {
                await engine.RunCycleAsync(stoppingToken);
            }
            catch (DirectoryAccessException e)
            {
                SyncLog.CycleFailed(logger, e);
            }
        }
    }
}
