using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace Whfb.Cli.Commands;

/// <summary>
/// <c>whfb report funnel|latency|failures|timeline</c>: Insights analytics as tables, or <c>--csv FILE</c> to export
/// (with a progress bar, for long exports).
/// </summary>
public static class ReportCommand
{
    private static readonly Option<string?> From = new("--from") { Description = "First day (yyyy-MM-dd); default 30 days back" };
    private static readonly Option<string?> To = new("--to") { Description = "Last day (yyyy-MM-dd); default today" };
    private static readonly Option<string?> Csv = new("--csv") { Description = "Write the report as CSV to this file instead of a table" };

    public static Command Create()
    {
        var groupBy = new Option<string>("--group-by") { Description = "Any of ring, day, domain, model", DefaultValueFactory = _ => "ring" };
        var limit = new Option<int>("--limit") { Description = "Most rows", DefaultValueFactory = _ => 20 };
        var device = new Option<Guid?>("--device") { Description = "Device id" };
        var user = new Option<string?>("--user") { Description = "User object id or UPN" };

        return new Command("report", "Rollout reports from Insights")
        {
            Report("funnel", "Enrollment funnel with conversion rates", [groupBy],
                p => $"/v1/analytics/funnel?groupBy={Uri.EscapeDataString(p.GetValue(groupBy)!)}{Range(p)}", "funnel",
                ["rolloutName", "ringIndex", "day", "domain", "deviceModel", "policyAssigned", "prerequisitesPassed", "keyRegistered", "keyInAd", "overallRate"]),
            Report("latency", "Sync latency p50/p90/p99 per day (minutes)", [],
                p => $"/v1/analytics/latency?{Range(p)}", "days", ["day", "keys", "p50Minutes", "p90Minutes", "p99Minutes"]),
            Report("failures", "Top failure reasons with example devices", [limit],
                p => $"/v1/analytics/failures?limit={p.GetValue(limit)}{Range(p)}", "failures", ["category", "reason", "meaning", "count", "exampleDevices"]),
            Report("timeline", "A device's or a user's lifecycle events", [device, user, limit], p => p.GetValue(device) is { } d
                    ? $"/v1/analytics/devices/{d}/timeline?limit={p.GetValue(limit)}"
                    : p.GetValue(user) is { Length: > 0 } u ? $"/v1/analytics/users/{Uri.EscapeDataString(u)}/timeline?limit={p.GetValue(limit)}"
                    : throw new InvalidOperationException("give --device or --user"),
                "timeline", ["occurredAt", "kind", "deviceId", "userId", "detail"]),
        };
    }

    private static Command Report(string name, string description, Option[] options, Func<ParseResult, string> path, string rowsProperty, string[] columns)
    {
        var command = new Command(name, description) { From, To, Csv };
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => AlertsCommand.Run(async () =>
        {
            using var insights = new InsightsClient();
            if (parse.GetValue(Csv) is { Length: > 0 } file)
            {
                await ExportAsync(insights, path(parse), file, ct);
                return;
            }

            var body = await insights.GetJsonAsync(path(parse), ct);
            var table = new Table().AddColumns(columns);
            foreach (var row in body.GetProperty(rowsProperty).EnumerateArray())
            {
                table.AddRow(columns.Select(c => Format(row, c)).ToArray());
            }

            AnsiConsole.Write(table);
        }));
        return command;
    }

    private static async Task ExportAsync(InsightsClient insights, string path, string file, CancellationToken ct) =>
        await AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new DownloadedColumn(), new TransferSpeedColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask($"export to {Markup.Escape(file)}", maxValue: 1);
                task.IsIndeterminate = true;
                await insights.DownloadAsync(path, file, (done, total) =>
                {
                    task.IsIndeterminate = total is null;
                    task.MaxValue = total ?? done;
                    task.Value = done;
                }, ct);
                task.StopTask();
            });

    private static string Range(ParseResult parse) =>
        (parse.GetValue(From) is { } from ? $"&from={Uri.EscapeDataString(from)}" : "") + (parse.GetValue(To) is { } to ? $"&to={Uri.EscapeDataString(to)}" : "");

    private static string Format(JsonElement row, string column) => row.TryGetProperty(column, out var v) ? v.ValueKind switch
    {
        JsonValueKind.Array => Markup.Escape(string.Join(" ", v.EnumerateArray().Select(e => e.ToString()))),
        JsonValueKind.Number when column.EndsWith("Rate", StringComparison.Ordinal) => v.GetDouble().ToString("P0", System.Globalization.CultureInfo.InvariantCulture),
        JsonValueKind.Null => "",
        _ => Markup.Escape(v.ToString()),
    } : "";
}
