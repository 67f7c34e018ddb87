using System.CommandLine;
using System.Net.Http.Headers;
using Spectre.Console;
using Whfb.Cli.Events;
using Whfb.Cli.Http;
using Whfb.DeviceReports.Records;

namespace Whfb.Cli.Commands;

/// <summary>
/// <c>whfb events import FILE</c>: event files an administrator exported (.xml from wevtutil qe /f:RenderedXml or a
/// forwarded-events log, .json/.ndjson from Get-WinEvent or Log Analytics) posted to Ingest in chunks with a collector
/// key (WHFB_COLLECTOR_KEY, Ingest at WHFB_INGEST_URL); <c>--dry-run</c> prints each record normalized, offline.
/// </summary>
public static class EventsCommands
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "An .xml, .json or .ndjson file of event records" };
        var deviceId = new Option<Guid?>("--device-id") { Description = "The Entra device id of every record without one (a single device's export)" };
        var deviceMap = new Option<FileInfo?>("--device-map") { Description = "CSV of computer names and Entra device ids (e.g. Get-MgDevice | Select DisplayName, DeviceId | Export-Csv)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print how each record would be normalized, as JSON, and post nothing" };
        var chunk = new Option<int>("--chunk") { Description = "Records per request", DefaultValueFactory = _ => 500 };
        var maxAge = new Option<int>("--max-age-days") { Description = "Oldest record accepted, in days (Ingest's Ingest__MaxEventAge)", DefaultValueFactory = _ => 90 };
        var import = new Command("import", "Post an exported event file to Ingest (or --dry-run it)") { file, deviceId, deviceMap, dryRun, chunk, maxAge };
        import.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists || !EventFile.IsSupported(path.Name))
                return await FailAsync($"{path.FullName}: not found, or not one of {string.Join(", ", EventFile.Extensions)} (wevtutil epl writes binary .evtx: export with wevtutil qe … /f:RenderedXml instead)");
            if (parse.GetValue(chunk) is < 1 or > 10_000)
                return await FailAsync("--chunk must be 1 to 10000 (Ingest takes at most 10,000 records per request)");
            var map = parse.GetValue(deviceMap) is { } csv ? DeviceMap.Parse(await File.ReadAllLinesAsync(csv.FullName, ct)) : null;
            var results = EventFile.Read(await File.ReadAllBytesAsync(path.FullName, ct), path.Name,
                EventFile.Resolver(parse.GetValue(deviceId), map), TimeSpan.FromDays(parse.GetValue(maxAge)));

            if (parse.GetValue(dryRun))
            {
                Console.WriteLine(DryRun.Json(DryRun.Entries(results)));
                return results.All(r => r.IsValid) ? 0 : 1;
            }

            return await ImportAsync(results, parse.GetValue(chunk), ct);
        });
        return new Command("events", "Import event-log exports into Ingest") { import };
    }

    private static async Task<int> ImportAsync(IReadOnlyList<RecordReadResult> results, int chunkSize, CancellationToken ct)
    {
        if (Environment.GetEnvironmentVariable("WHFB_COLLECTOR_KEY") is not { Length: > 0 } key)
            return await FailAsync("Set WHFB_COLLECTOR_KEY to a collector key of your tenant (whfb collector-key create).");
        foreach (var bad in results.Where(r => !r.IsValid))
            AnsiConsole.MarkupLine($"[yellow]record {bad.Index} (line {bad.Line})[/] {Markup.Escape(bad.Error!.Field ?? "record")}: {Markup.Escape(bad.Error.Reason)}");
        var valid = results.Where(r => r.IsValid).Select(r => (r.Index, r.Record!)).ToList();

        using var http = CliHttp.Create(CliClient.Upload, ServiceEndpoints.Of("ingest"), new AuthenticationHeaderValue("Bearer", key));
        EventUploader.Outcome outcome;
        try
        {
            outcome = await AnsiConsole.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask("Posting records", maxValue: Math.Max(1, valid.Count));
                return await new EventUploader(http).PostAsync(valid, chunkSize, n => task.Increment(n), ct);
            });
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or TaskCanceledException)
        {
            return await FailAsync(ex.Message);
        }

        foreach (var (index, reason) in outcome.Rejected)
            AnsiConsole.MarkupLine($"[red]record {index}[/] refused by Ingest: {Markup.Escape(reason)}");
        Console.WriteLine($"{results.Count} records read, {results.Count - valid.Count} invalid in the file; {outcome.Accepted} accepted by Ingest, {outcome.Rejected.Count} refused or not delivered.");
        return outcome.Accepted == results.Count ? 0 : 1;
    }

    private static async Task<int> FailAsync(string message)
    {
        await Console.Error.WriteLineAsync(message);
        return 2;
    }
}
