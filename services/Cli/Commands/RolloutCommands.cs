using System.CommandLine;
using System.Text.Json;

namespace Whfb.Cli.Commands;

/// <summary>
/// <c>whfb rollout create|list|status|start|advance|pause|resume|abort|audit</c>: phased WHfB rollouts of the Policy
/// service (WHFB_POLICY_URL), ring by ring with health gates. Writes need an admin key in WHFB_API_KEY.
/// </summary>
public static class RolloutCommands
{
    public static Command Create()
    {
        var command = new Command("rollout", "Phased WHfB rollouts through Intune, ring by ring with health gates (Policy)")
        {
            CreateCommand(), ListCommand(), StatusCommand(),
            Action("start", "Assign the policy to the first ring and start watching its gate"),
            AdvanceCommand(),
            Action("pause", "Stop automatic advancing (assignments stay)"),
            Action("resume", "Resume a paused rollout"),
            AbortCommand(), AuditCommand(),
        };
        return command;
    }

    private static Command CreateCommand()
    {
        var file = new Option<FileInfo>("--file", "-f") { Description = "The plan (JSON: name, mode, settings, rings with gates)", Required = true };
        var create = new Command("create", "Create a rollout (draft) from a plan file") { file };
        create.SetAction((parse, ct) => AlertsCommand.Run(async () =>
        {
            var path = parse.GetValue(file)!;
            var plan = path.Exists ? await File.ReadAllTextAsync(path.FullName, ct) : throw new InvalidOperationException($"plan file {path.FullName} does not exist");
            using var client = new RolloutClient();
            RolloutTables.WriteStatus(await client.CreateAsync(plan, ct));
        }));
        return create;
    }

    private static Command ListCommand()
    {
        var json = JsonOption();
        var list = new Command("list", "List the tenant's rollouts") { json };
        list.SetAction((parse, ct) => AlertsCommand.Run(async () =>
        {
            using var client = new RolloutClient();
            Write(await client.ListAsync(ct), parse.GetValue(json), RolloutTables.WriteList);
        }));
        return list;
    }

    private static Command StatusCommand() => ReadCommand(
        "status", "A rollout's rings: counters, gate verdicts, GPO conflicts", (client, id, ct) => client.StatusAsync(id, ct), RolloutTables.WriteStatus);

    private static Command AdvanceCommand()
    {
        var id = IdArgument();
        var justification = new Option<string>("--justification") { Description = "Override a failing or unsoaked gate; recorded with your name" };
        var advance = new Command("advance", "Assign the next ring now (the gate must pass unless --justification is given)") { id, justification };
        advance.SetAction((parse, ct) => AlertsCommand.Run(async () =>
        {
            var why = parse.GetValue(justification);
            using var client = new RolloutClient();
            RolloutTables.WriteStatus(await client.ActAsync(parse.GetValue(id), "advance", why is null ? null : new { justification = why }, ct));
        }));
        return advance;
    }

    private static Command AbortCommand()
    {
        var id = IdArgument();
        var reason = new Option<string>("--reason") { Description = "Why (recorded)", Required = true };
        var abort = new Command("abort", "Stop the rollout and remove the policy's assignments") { id, reason };
        abort.SetAction((parse, ct) => AlertsCommand.Run(async () =>
        {
            using var client = new RolloutClient();
            RolloutTables.WriteStatus(await client.ActAsync(parse.GetValue(id), "abort", new { reason = parse.GetValue(reason) }, ct));
        }));
        return abort;
    }

    private static Command AuditCommand() => ReadCommand(
        "audit", "Who did what and when, including every Graph call", (client, id, ct) => client.AuditAsync(id, ct), RolloutTables.WriteAudit);

    private static Command ReadCommand(
        string name, string description, Func<RolloutClient, Guid, CancellationToken, Task<JsonElement>> read, Action<JsonElement> table)
    {
        var (id, json) = (IdArgument(), JsonOption());
        var command = new Command(name, description) { id, json };
        command.SetAction((parse, ct) => AlertsCommand.Run(async () =>
        {
            using var client = new RolloutClient();
            Write(await read(client, parse.GetValue(id), ct), parse.GetValue(json), table);
        }));
        return command;
    }

    private static Command Action(string name, string description)
    {
        var id = IdArgument();
        var command = new Command(name, description) { id };
        command.SetAction((parse, ct) => AlertsCommand.Run(async () =>
        {
            using var client = new RolloutClient();
            RolloutTables.WriteStatus(await client.ActAsync(parse.GetValue(id), name, null, ct));
        }));
        return command;
    }

    private static void Write(JsonElement body, bool json, Action<JsonElement> table)
    {
        if (json)
        {
            Console.WriteLine(body.GetRawText());
            return;
        }

        table(body);
    }

    private static Argument<Guid> IdArgument() => new("id") { Description = "The rollout's id (from whfb rollout list)" };

    private static Option<bool> JsonOption() => new("--json") { Description = "Print the JSON answer instead of tables" };
}
