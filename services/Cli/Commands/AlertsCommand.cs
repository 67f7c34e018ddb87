using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace Whfb.Cli.Commands;

/// <summary><c>whfb alerts list|ack</c>: the tenant's alert episodes from Insights.</summary>
public static class AlertsCommand
{
    public static Command Create()
    {
        var state = new Option<string>("--state") { Description = "open, resolved or all", DefaultValueFactory = _ => "open" };
        var limit = new Option<int>("--limit") { Description = "Most alerts to show", DefaultValueFactory = _ => 50 };
        var folded = new Option<bool>("--folded") { Description = "Also list the key-stuck alerts folded into a stalled-pipeline alert" };
        var list = new Command("list", "List alerts (stuck keys, stalled sync, halted rollouts, GPO conflicts)") { state, limit, folded };
        list.SetAction((parse, ct) => Run(async () =>
        {
            using var insights = new InsightsClient();
            var body = await insights.GetJsonAsync(
                $"/v1/alerts?state={Uri.EscapeDataString(parse.GetValue(state)!)}&limit={parse.GetValue(limit)}{(parse.GetValue(folded) ? "&folded=true" : "")}", ct);
            var table = new Table().AddColumns("Id", "Kind", "Title", "Opened", "Resolved", "Acknowledged", "Folded", "Sent/pending/failed");
            foreach (var a in body.GetProperty("alerts").EnumerateArray())
            {
                table.AddRow(Cell(a, "id"), Cell(a, "kind"), Cell(a, "title"), Cell(a, "openedAt"), Cell(a, "resolvedAt"), Cell(a, "acknowledgedBy"),
                    Folded(a), $"{a.GetProperty("delivered")}/{a.GetProperty("pending")}/{a.GetProperty("failed")}");
            }

            AnsiConsole.Write(table);
        }));

        var id = new Argument<Guid>("id") { Description = "The alert's id (from whfb alerts list)" };
        var ack = new Command("ack", "Acknowledge an alert") { id };
        ack.SetAction((parse, ct) => Run(async () =>
        {
            using var insights = new InsightsClient();
            await insights.PostAsync($"/v1/alerts/{parse.GetValue(id)}/ack", ct);
            AnsiConsole.MarkupLine($"[green]acknowledged[/] {parse.GetValue(id)}");
        }));

        return new Command("alerts", "List and acknowledge alerts") { list, ack };
    }

    /// <summary>Runs a command body: 0 on success, 1 with the error on one line (no stack trace) otherwise.</summary>
    internal static async Task<int> Run(Func<Task> body)
    {
        try
        {
            await body();
            return 0;
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or TaskCanceledException)
        {
            AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(ex.Message)}");
            return 1;
        }
    }

    /// <summary>"+N" on an alert others are folded into, "into &lt;id&gt;" on a folded one, else empty.</summary>
    private static string Folded(JsonElement row) =>
        Cell(row, "foldedInto") is { Length: > 0 } parent ? $"into {parent[..8]}"
        : row.TryGetProperty("folded", out var n) && n.ValueKind == JsonValueKind.Number && n.GetInt64() > 0
            ? n.GetInt64().ToString("'+'#,0", System.Globalization.CultureInfo.InvariantCulture) : "";

    internal static string Cell(JsonElement row, string name) =>
        row.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? Markup.Escape(v.ToString()) : "";
}
