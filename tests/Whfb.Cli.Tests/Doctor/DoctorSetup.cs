using Whfb.Testing.Graph;

namespace Whfb.Cli.Tests.Doctor;

/// <summary>The settings an operator would give SyncTracker and Policy for the emulated tenant and a Samba OU, and the secret's environment.</summary>
internal static class DoctorSetup
{
    public static readonly string[] GraphChecks = ["graph-token", "licence", "intune", "directory-sync"];
    public static readonly string[] DirectoryChecks = ["ldap-bind", "schema", "read-access", "clock-skew"];

    public static Dictionary<string, string> SecretEnvironment => new() { ["Graph__ClientSecret"] = GraphEmulator.ClientSecret };

    public static object Settings(DoctorTenant tenant, Dictionary<string, object> directory, string cycle = "00:30:00") => new
    {
        Graph = tenant.GraphSection(),
        SyncTracker = new { Directory = directory, Thresholds = new { Cycle = cycle } },
    };

    public static Task<DoctorAnswer> RunAsync(DoctorProcess files, DoctorTenant tenant, ScannedOu ou, params string[] args) =>
        DoctorProcess.RunAsync(SecretEnvironment, ["--settings", files.WriteSettings(Settings(tenant, ou.KerberosSection())), .. args]);
}
