using System.CommandLine;
using System.Net.Http.Json;
using Spectre.Console;
using static Whfb.Cli.Commands.IngestAdmin;

namespace Whfb.Cli.Commands;

/// <summary>
/// <c>whfb collector-key create|list|revoke</c>: the collector keys of the admin's tenant, through Ingest's admin API:
/// enrollment keys (what collectors are configured with; they enroll each device, which then posts with a key of its
/// own), import keys (for <c>whfb events import</c>), and the devices' keys (listed with their last use, revoked one by
/// one). The admin API key comes from WHFB_API_KEY, Ingest's URL from WHFB_INGEST_URL.
/// </summary>
public static class CollectorKeyCommands
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "What the key is for, e.g. 'Intune remediation, ring 1'" };
        var import = new Option<bool>("--import") { Description = "An import key (whfb events import, any device of the tenant) instead of an enrollment key" };
        var create = new Command("create", "Create an enrollment key for collectors (or, with --import, an import key); the key is printed this once") { name, import };
        create.SetAction((parse, ct) => RunAsync(async http =>
        {
            var kind = parse.GetValue(import) ? "import" : "enrollment";
            var key = await ReadAsync(await http.PostAsJsonAsync(KeysPath, new { name = parse.GetValue(name), kind }, ct), ct);
            AnsiConsole.MarkupLine($"Created {kind} key [bold]{key.GetProperty("id")}[/] ({Markup.Escape(key.GetProperty("name").GetString()!)}).");
            AnsiConsole.MarkupLine("Store it in the collector's configuration now; it is not shown again:");
            Console.WriteLine(key.GetProperty("key").GetString());
        }));

        var id = new Argument<Guid?>("id") { Description = "The key's id (from list)", Arity = ArgumentArity.ZeroOrOne };
        var device = new Option<Guid?>("--device") { Description = "Revoke the active key of this device (its Entra device id) instead" };
        var revoke = new Command("revoke", "Revoke a collector key, or a device's key (takes effect within seconds)") { id, device };
        revoke.Validators.Add(result =>
        {
            if ((result.GetValue(id) is null) == (result.GetValue(device) is null))
                result.AddError("Give either a key id or --device <device id>.");
        });
        revoke.SetAction((parse, ct) => RunAsync(async http =>
        {
            var (path, what) = parse.GetValue(device) is { } deviceId ? ($"{KeysPath}/devices/{deviceId}", $"the key of device {deviceId}") : ($"{KeysPath}/{parse.GetValue(id)}", $"{parse.GetValue(id)}");
            await ReadAsync(await http.DeleteAsync(path, ct), ct);
            AnsiConsole.MarkupLine($"Revoked {what}.");
        }));

        return new Command("collector-key", "Manage collectors' keys (needs an admin API key in WHFB_API_KEY)") { create, CollectorKeyListCommand.Create(), revoke };
    }
}
