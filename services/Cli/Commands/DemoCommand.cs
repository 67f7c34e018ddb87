using System.CommandLine;

namespace Whfb.Cli.Commands;

/// <summary>
/// <c>whfb demo summary</c>: after deploy/local/demo.sh, the faults the simulated tenant injected next to what
/// SyncTracker, Insights and Policy observed, as plain text (readable in a terminal, a log file or CI).
/// </summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var summary = new Command("summary", "Injected faults vs observed: funnel per ring, sync latency, stuck and orphaned keys, alerts, rollout");
        summary.SetAction((_, ct) => AlertsCommand.Run(async () =>
        {
            var data = await DemoData.LoadAsync(ct);
            if (data.Fleet is null)
            {
                throw new InvalidOperationException($"the simulator does not answer at {DemoSources.Simulator} (WHFB_SIMULATOR_URL): run deploy/local/demo.sh");
            }

            Console.Out.Write(DemoReport.Format(data));
        }));
        return new Command("demo", "The demo tenant (deploy/local/demo.sh)") { summary };
    }
}
