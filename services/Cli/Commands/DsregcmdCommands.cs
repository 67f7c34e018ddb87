using System.CommandLine;
using System.Text.Json;
using Whfb.DeviceReports.Dsregcmd;
using Whfb.DeviceReports.Json;

namespace Whfb.Cli.Commands;

/// <summary><c>whfb dsregcmd parse</c>: the text of <c>dsregcmd /status</c> on stdin, parsed, as JSON on stdout (offline).</summary>
public static class DsregcmdCommands
{
    public static Command Create()
    {
        var parse = new Command("parse", "Read dsregcmd /status output on stdin and print it parsed as JSON (join type, fields, warnings)");
        parse.SetAction(async (_, ct) =>
        {
            var text = await Console.In.ReadToEndAsync(ct);
            var status = DsregcmdParser.Parse(text);
            Console.WriteLine(JsonSerializer.Serialize(status, DeviceReportsJson.Options));
            return status.Sections.Count == 0 ? 1 : 0;
        });
        return new Command("dsregcmd", "Offline tools for dsregcmd output") { parse };
    }
}
