using System.CommandLine;
using Spectre.Console;
using static Whfb.Cli.Commands.IngestAdmin;

namespace Whfb.Cli.Commands;

/// <summary><c>whfb collector-key list</c>: the tenant's keys (no secrets) with their kind, device and last use.</summary>
internal static class CollectorKeyListCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the JSON answer instead of a table" };
        var kind = new Option<string?>("--kind") { Description = "Only keys of this kind: enrollment, device or import" };
        kind.AcceptOnlyFromAmong("enrollment", "device", "import");
        var device = new Option<Guid?>("--device") { Description = "Only the keys of this device (its Entra device id)" };
        var active = new Option<bool>("--active") { Description = "Only keys that are not revoked" };
        var limit = new Option<int>("--limit") { Description = "At most this many keys (1 to 10000)", DefaultValueFactory = _ => 1000 };
        var list = new Command("list", "List the tenant's collector keys with their last use (no secrets)") { json, kind, device, active, limit };
        list.SetAction((parse, ct) => RunAsync(async http =>
        {
            var query = $"?limit={parse.GetValue(limit)}&active={(parse.GetValue(active) ? "true" : "false")}"
                + (parse.GetValue(kind) is { } k ? $"&kind={k}" : "") + (parse.GetValue(device) is { } d ? $"&deviceId={d}" : "");
            var keys = await ReadAsync(await http.GetAsync(KeysPath + query, ct), ct);
            if (parse.GetValue(json))
            {
                Console.WriteLine(keys.GetRawText());
                return;
            }

            var table = new Table().AddColumns("Id", "Kind", "Name", "Device", "Prefix", "Created", "Last used", "Revoked");
            foreach (var key in keys.EnumerateArray())
            {
                table.AddRow(Text(key, "id"), Text(key, "kind"), Text(key, "name"), Text(key, "deviceId"), Text(key, "keyPrefix") + "…",
                    Text(key, "createdAt"), Text(key, "lastUsedAt"), Text(key, "revokedAt"));
            }

            AnsiConsole.Write(table);
        }));
        return list;
    }
}
