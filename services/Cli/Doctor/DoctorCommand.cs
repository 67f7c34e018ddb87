using System.CommandLine;
using Spectre.Console;

namespace Whfb.Cli.Doctor;

/// <summary>
/// <c>whfb doctor</c>: the preflight before the first rollout, against the settings the services will be given: the Graph
/// app(s) (token, permissions per feature, licence, Intune, Entra Connect's last sync) and the directory (bind and
/// transport, schema, the bind account's read access, clock skew). Exit code 1 on any failure.
/// </summary>
public static class DoctorCommand
{
    public static Command Create()
    {
        var settings = new Option<string[]>("--settings") { Description = "A settings file SyncTracker (and Policy, when one app serves both) is given, e.g. appsettings.Production.json; repeat it in the services' order. Environment variables (Graph__ClientId, SyncTracker__Directory__Url, …) override the files, as in the services" };
        var policySettings = new Option<string[]>("--policy-settings") { Description = "Policy's own settings files, when Policy has its own app registration; the environment applies to them too" };
        var app = new Option<DoctorApps>("--app") { Description = "Whose needs to check: both, synctracker (Graph inventory and directory) or policy (Intune and rings)", DefaultValueFactory = _ => DoctorApps.Both };
        var json = new Option<bool>("--json") { Description = "Print the checks as JSON" };
        var permissions = new Option<bool>("--permissions") { Description = "Print the Graph application permissions each service needs (Markdown) and exit" };
        var sample = new Option<int>("--sample") { Description = "Users read per scanned base DN for the read-access check", DefaultValueFactory = _ => 50 };
        var failAfter = new Option<int>("--fail-after-sync-cycles") { Description = "Fail when Entra Connect last synced more than this many cycles ago (SyncTracker:Thresholds:Cycle)", DefaultValueFactory = _ => 6 };
        var timeout = new Option<int>("--timeout") { Description = "Seconds all checks may take together", DefaultValueFactory = _ => 120 };
        var command = new Command("doctor", "Preflight before the first rollout: Graph app, permissions, licence, Intune, Entra Connect sync, directory bind, schema, read access, clock")
        {
            settings, policySettings, app, json, permissions, sample, failAfter, timeout,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(permissions))
            {
                Console.Out.Write(PermissionTable.Markdown());
                return 0;
            }

            DoctorSettings doctor;
            try
            {
                var syncTracker = DoctorSettings.Load(parse.GetValue(settings) ?? []);
                var policyFiles = parse.GetValue(policySettings) ?? [];
                doctor = new DoctorSettings(syncTracker, policyFiles.Length > 0 ? DoctorSettings.Load(policyFiles) : syncTracker, policyFiles.Length > 0, parse.GetValue(app))
                {
                    SampleUsers = Math.Max(1, parse.GetValue(sample)),
                    FailAfterSyncCycles = Math.Max(1, parse.GetValue(failAfter)),
                    Timeout = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(timeout))),
                };
            }
            catch (Exception e) when (e is IOException or InvalidDataException or FormatException)
            {
                await Console.Error.WriteLineAsync($"error: {e.Message}");
                return 2;
            }

            IReadOnlyList<CheckResult> results;
            try
            {
                results = await DoctorRun.RunAsync(doctor, TimeProvider.System, ct);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                await Console.Error.WriteLineAsync($"error: the checks took longer than {doctor.Timeout.TotalSeconds:0} s (--timeout)");
                return 1;
            }

            Print(results, parse.GetValue(json));
            return DoctorReport.ExitCode(results);
        });
        return command;
    }

    private static void Print(IReadOnlyList<CheckResult> results, bool json)
    {
        if (json)
        {
            Console.Out.WriteLine(DoctorReport.ToJson(results));
        }
        else if (Console.IsOutputRedirected)
        {
            Console.Out.Write(DoctorReport.ToText(results));
        }
        else
        {
            DoctorReport.WriteTable(results);
        }
    }
}
