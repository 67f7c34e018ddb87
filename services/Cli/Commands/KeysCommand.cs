using System.CommandLine;
using Spectre.Console;
using static Whfb.Cli.Commands.AlertsCommand;

namespace Whfb.Cli.Commands;

/// <summary><c>whfb keys stuck</c>: keys that waited too long for AD, with the hints SyncTracker found.</summary>
public static class KeysCommand
{
    public static Command Create()
    {
        var page = new Option<int>("--page") { Description = "Page number", DefaultValueFactory = _ => 1 };
        var pageSize = new Option<int>("--page-size") { Description = "Keys per page (1-500)", DefaultValueFactory = _ => 50 };
        var stuck = new Command("stuck", "List stuck keys (registered in Entra ID, not in AD after the threshold)") { page, pageSize };
        stuck.SetAction((parse, ct) => Run(async () =>
        {
            var body = await SyncTrackerClient.GetJsonAsync($"/v1/keys?state=Stuck&page={parse.GetValue(page)}&pageSize={parse.GetValue(pageSize)}", ct);
            var table = new Table().AddColumns("User", "Device", "Created in Entra", "Stuck since", "Hints");
            foreach (var k in body.GetProperty("items").EnumerateArray())
            {
                var hints = string.Join(", ", k.GetProperty("hints").EnumerateArray().Select(h => h.GetString()));
                table.AddRow(Cell(k, "userPrincipalName"), Cell(k, "deviceId"), Cell(k, "createdInEntraAt"), Cell(k, "stuckSince"), Markup.Escape(hints));
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"page {body.GetProperty("page")} of {Math.Max(1, (body.GetProperty("total").GetInt32() + parse.GetValue(pageSize) - 1) / parse.GetValue(pageSize))}, {body.GetProperty("total")} stuck keys");
        }));
        return new Command("keys", "Keys on their way from Entra ID to AD (SyncTracker)") { stuck };
    }
}
