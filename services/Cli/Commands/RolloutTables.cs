using System.Text.Json;
using Spectre.Console;
using static Whfb.Cli.Commands.AlertsCommand;

namespace Whfb.Cli.Commands;

/// <summary>Spectre.Console tables of the Policy service's rollout answers.</summary>
internal static class RolloutTables
{
    public static void WriteList(JsonElement body)
    {
        var table = new Table().AddColumns("Id", "Name", "Mode", "State", "Ring", "Rings", "Intune policy");
        foreach (var r in Items(body, "rollouts"))
        {
            table.AddRow(Cell(r, "id"), Cell(r, "name"), Cell(r, "mode"), State(r), Cell(r, "currentRing"), Count(r, "rings"), Cell(r, "intunePolicyId"));
        }

        AnsiConsole.Write(table);
    }

    public static void WriteStatus(JsonElement r)
    {
        AnsiConsole.MarkupLine($"[bold]{Cell(r, "name")}[/] ({Cell(r, "id")}) mode {Cell(r, "mode")}, state {State(r)}, current ring {Cell(r, "currentRing")}");
        if (Cell(r, "intunePolicyId") is { Length: > 0 } policy)
        {
            AnsiConsole.MarkupLine($"Intune policy {policy}");
        }

        if (Cell(r, "haltReason") is { Length: > 0 } halt)
        {
            AnsiConsole.MarkupLine($"[red]halted:[/] {halt}");
        }

        var rings = new Table().AddColumns("#", "Ring", "Group", "State", "Assigned", "Devices", "Prereq ok", "Provisioned", "Failed", "Synced", "Stuck", "Gate");
        foreach (var ring in Items(r, "rings"))
        {
            rings.AddRow(Cell(ring, "index"), Cell(ring, "name"), Cell(ring, "groupId"), Cell(ring, "state"), Cell(ring, "assignedAt"), Cell(ring, "devices"),
                Cell(ring, "prerequisitesPassed"), Cell(ring, "provisioned"), Cell(ring, "failed"), Cell(ring, "synced"), Cell(ring, "stuck"), Verdict(ring));
        }

        AnsiConsole.Write(rings);
        var conflicts = Items(r, "gpoConflicts").ToList();
        if (conflicts.Count > 0)
        {
            var table = new Table().Title("GPO conflicts (Group Policy wins over Intune)").AddColumns("Device id", "Device", "Values found");
            foreach (var c in conflicts)
            {
                table.AddRow(Cell(c, "deviceId"), Cell(c, "deviceName"), Markup.Escape(string.Join(", ", Items(c, "values").Select(SettingValue))));
            }

            AnsiConsole.Write(table);
        }
    }

    /// <summary>Actions (kind action: start, advance with its justification…) and Graph calls (kind graph: method, URL, status).</summary>
    public static void WriteAudit(JsonElement body)
    {
        var table = new Table().AddColumns("When", "Who", "Kind", "What", "Status", "ms");
        foreach (var e in Items(body, "entries"))
        {
            var what = string.Join(" ", new[] { Cell(e, "action"), Cell(e, "detail") }.Where(s => s.Length > 0));
            var ms = e.TryGetProperty("durationMs", out var d) && d.ValueKind == JsonValueKind.Number
                ? d.GetDouble().ToString("0", System.Globalization.CultureInfo.InvariantCulture) : "";
            table.AddRow(Cell(e, "at"), Cell(e, "actor"), Cell(e, "kind"), what, Cell(e, "statusCode"), ms);
        }

        AnsiConsole.Write(table);
    }

    /// <summary>The array itself, or the array under <paramref name="property"/>/"items" of an envelope object.</summary>
    private static IEnumerable<JsonElement> Items(JsonElement body, string property)
    {
        if (body.ValueKind == JsonValueKind.Array)
        {
            return body.EnumerateArray();
        }

        foreach (var name in new[] { property, "items", "value" })
        {
            if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var items) && items.ValueKind == JsonValueKind.Array)
            {
                return items.EnumerateArray();
            }
        }

        return [];
    }

    private static string Verdict(JsonElement ring)
    {
        if (Cell(ring, "overrideJustification") is { Length: > 0 } justification)
        {
            return $"[yellow]overridden[/] by {Cell(ring, "overriddenBy")}: {justification}";
        }

        if (!ring.TryGetProperty("verdict", out var verdict) || verdict.ValueKind != JsonValueKind.Object)
        {
            return "";
        }

        var passed = verdict.TryGetProperty("passed", out var p) && p.ValueKind == JsonValueKind.True;
        var reasons = Markup.Escape(string.Join("; ", Items(verdict, "reasons").Select(x => x.ToString())));
        return passed ? $"[green]pass[/] {reasons}".TrimEnd() : $"[red]fail[/] {reasons}".TrimEnd();
    }

    /// <summary>A policy setting found on the device: <c>Name=Value (scope)</c>, or the raw text of anything else.</summary>
    private static string SettingValue(JsonElement v) => v.ValueKind == JsonValueKind.Object
        ? $"{Raw(v, "name")}={Raw(v, "value")} ({Raw(v, "scope")})"
        : v.ToString();

    private static string Raw(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.ToString() : "";

    private static string State(JsonElement r) => Cell(r, "state") switch
    {
        "halted" or "aborted" => $"[red]{Cell(r, "state")}[/]",
        "completed" => "[green]completed[/]",
        var s => s,
    };

    private static string Count(JsonElement r, string property) => Items(r, property).Count().ToString(System.Globalization.CultureInfo.InvariantCulture);

}
