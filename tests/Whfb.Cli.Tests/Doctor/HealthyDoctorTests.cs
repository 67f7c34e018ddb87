using Whfb.GraphClient.Access;
using Whfb.Testing.Graph;
using Xunit;
using Xunit.Abstractions;

namespace Whfb.Cli.Tests.Doctor;

/// <summary>A healthy setup: the emulated tenant over https through the real SDK, and the real Samba read with Kerberos.</summary>
public sealed class HealthyDoctorTests(HealthyTenant tenant, ScannedOu ou, ITestOutputHelper output) : IClassFixture<HealthyTenant>, IClassFixture<ScannedOu>
{
    [Fact]
    public async Task A_healthy_setup_passes_every_check_and_exits_0()
    {
        using var files = new DoctorProcess();

        var answer = await DoctorSetup.RunAsync(files, tenant, ou);

        output.WriteLine(answer.Output);
        Assert.Equal(0, answer.ExitCode);
        Assert.All(answer.Checks, c => Assert.Equal("pass", c.Status));
        string[] expected = [.. DoctorSetup.GraphChecks, .. GraphFeatures.All.Select(f => $"permission:{f.Name}"), .. DoctorSetup.DirectoryChecks];
        Assert.Equal(expected.Order(StringComparer.Ordinal), answer.Checks.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.Contains("transport: Kerberos", answer["ldap-bind"].Detail, StringComparison.Ordinal);
        Assert.Contains("1 sampled user under", answer["read-access"].Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(GraphEmulator.ClientSecret, answer.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_json_it_prints_one_line_per_check_and_a_summary()
    {
        using var files = new DoctorProcess();
        var settings = files.WriteSettings(DoctorSetup.Settings(tenant, ou.KerberosSection()));

        var (exit, text) = await WhfbProcess.RunAsync("", DoctorSetup.SecretEnvironment, "doctor", "--settings", settings);

        output.WriteLine(text);
        Assert.Equal(0, exit);
        Assert.Contains("PASS  permission:key-inventory [SyncTracker+Policy]: UserAuthMethod-WindowsHello.Read.All lets the app", text, StringComparison.Ordinal);
        Assert.Contains("PASS  read-access [directory]:", text, StringComparison.Ordinal);
        Assert.EndsWith("17 passed, 0 warnings, 0 failed, 0 skipped\n", text, StringComparison.Ordinal);
    }
}
