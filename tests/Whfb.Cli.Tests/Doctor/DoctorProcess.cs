using System.Text.Json;
using System.Text.Json.Nodes;

namespace Whfb.Cli.Tests.Doctor;

/// <summary>
/// Runs <c>whfb doctor</c> as an operator would: a settings file like the services' appsettings.Production.json (no
/// secret in it) and the secrets in the environment; the JSON answer parsed, the text answer kept for the README.
/// </summary>
internal sealed class DoctorProcess : IDisposable
{
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("whfb-doctor-").FullName;

    public string WriteSettings(object settings, string name = "appsettings.Production.json")
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, JsonSerializer.Serialize(settings));
        return path;
    }

    public string PathOf(string name) => Path.Combine(_folder, name);

    public static async Task<DoctorAnswer> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var (exit, output) = await WhfbProcess.RunAsync("", environment, ["doctor", .. args, "--json"]);
        var json = JsonNode.Parse(output) ?? throw new InvalidOperationException(output);
        var checks = json["checks"]!.AsArray().Select(c => new Check(
            c!["id"]!.GetValue<string>(), c["subject"]!.GetValue<string>(), c["status"]!.GetValue<string>(),
            c["detail"]!.GetValue<string>(), c["remedy"]?.GetValue<string>())).ToList();
        return new DoctorAnswer(exit, output, checks);
    }

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);
}

internal sealed record Check(string Id, string Subject, string Status, string Detail, string? Remedy);

internal sealed record DoctorAnswer(int ExitCode, string Output, IReadOnlyList<Check> Checks)
{
    public Check this[string id] => Checks.Single(c => c.Id == id);

    public Check Of(string id, string subject) => Checks.Single(c => c.Id == id && c.Subject == subject);
}
