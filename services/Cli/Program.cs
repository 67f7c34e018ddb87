using System.CommandLine;
using Whfb.Cli.Commands;
using Whfb.Cli.Doctor;

var root = new RootCommand("whfb: roll out Windows Hello for Business (hybrid key trust) and watch it work");
root.Subcommands.Add(StatusCommand.Create());
root.Subcommands.Add(AlertsCommand.Create());
root.Subcommands.Add(ReportCommand.Create());
root.Subcommands.Add(CollectorKeyCommands.Create());
root.Subcommands.Add(DsregcmdCommands.Create());
root.Subcommands.Add(EventsCommands.Create());
root.Subcommands.Add(KeyCredentialCommand.Create());
root.Subcommands.Add(KeysCommand.Create());
root.Subcommands.Add(SyncCommand.Create());
root.Subcommands.Add(RolloutCommands.Create());
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(DoctorCommand.Create());

return await root.Parse(args).InvokeAsync();
