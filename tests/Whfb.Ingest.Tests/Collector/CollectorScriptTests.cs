using System.Text.Json;
using Whfb.Contracts.Devices;
using Xunit.Abstractions;
using Whfb.Testing;

namespace Whfb.Ingest.Tests.Collector;

/// <summary>
/// The PowerShell collector (deploy/collector) under Pester, enrolling with and posting to this Ingest on a real Kestrel
/// port; fails when any Pester test fails. The migration window is over here, so the tenant's key only enrolls: the
/// events that arrive on the bus were posted with the device key the collector enrolled for.
/// </summary>
public sealed class CollectorScriptTests(CollectorScriptTests.Host host, ITestOutputHelper log) : IClassFixture<CollectorScriptTests.Host>
{
    public sealed class Host : IngestHost
    {
        protected override bool UseKestrel => true;

        // The recorded samples keep the dates they were recorded with.
        protected override IReadOnlyDictionary<string, string?> Overrides => new Dictionary<string, string?>
        {
            ["Ingest:MaxEventAge"] = "3650.00:00:00",
            ["Ingest:TenantKeysPostUntil"] = "2026-01-01T00:00:00Z",
        };
    }

    [Fact]
    public async Task Pester_tests_of_the_collector_pass_against_a_running_Ingest()
    {
        await PowerShellTools.EnsureInstalledAsync();
        await using var probe = await BusProbe.BindAsync(host.VirtualHost, typeof(NgcKeyRegistered), typeof(PolicyStateReported), typeof(DeviceStatusReported));
        var key = await host.CreateKeyAsync(IngestHost.TenantA, "pester");
        var tests = Path.Combine(RepositoryPaths.Root, "deploy", "collector", "tests");
        var script = $$"""
            Import-Module '{{PowerShellTools.PesterModule}}'
            $c = New-PesterConfiguration
            $c.Run.Path = '{{tests}}'
            $c.Run.Exit = $true
            $c.Output.RenderMode = 'Plaintext'
            $c.Output.Verbosity = 'Detailed'
            Invoke-Pester -Configuration $c
            """;

        var (exitCode, output) = await ExternalProcess.RunAsync(PowerShellTools.Pwsh, ["-NoProfile", "-NonInteractive", "-Command", script], new Dictionary<string, string>
        {
            ["WHFB_TEST_INGEST_URL"] = host.KestrelAddress!.ToString(),
            ["WHFB_TEST_ENROLLMENT_KEY"] = key.Key,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        });

        log.WriteLine(output);
        Assert.True(exitCode == 0, $"Pester failed ({exitCode}):\n{output}");
        Assert.Contains("Tests Passed: ", output, StringComparison.Ordinal);
        var keyRegistered = Assert.Single(await probe.WaitForAsync<NgcKeyRegistered>(1));
        Assert.Equal(WinEventShapesTests.Sid, keyRegistered.GetProperty("header").GetProperty("userSid").GetString());
        Assert.NotEmpty(await probe.WaitForAsync<DeviceStatusReported>(1));
        Assert.True((await probe.WaitForAsync<PolicyStateReported>(1))[0].GetProperty("gpoOverridesMdm").GetBoolean());
        var deviceKeys = JsonDocument.Parse(await host.Admin(IngestHost.TenantA).GetStringAsync($"/v1/admin/collector-keys?kind=device&deviceId={WinEventShapesTests.Host.Device}")).RootElement;
        Assert.Single(deviceKeys.EnumerateArray(), k => k.GetProperty("revokedAt").ValueKind == JsonValueKind.Null);
        Assert.All(deviceKeys.EnumerateArray(), k => Assert.Equal(key.Id, k.GetProperty("enrolledWith").GetGuid()));
    }
}
