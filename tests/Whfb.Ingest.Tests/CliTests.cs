using System.Text.Json;
using Whfb.Contracts.Devices;
using Whfb.Testing;

namespace Whfb.Ingest.Tests;

/// <summary>
/// <c>whfb collector-key create|list|revoke</c>, <c>whfb events import</c> and <c>whfb dsregcmd parse</c> as an admin runs
/// them, against Ingest on a real port.
/// </summary>
public sealed class CliTests(CliTests.Host host) : IClassFixture<CliTests.Host>
{
    public sealed class Host : IngestHost
    {
        protected override bool UseKestrel => true;
    }

    [Fact]
    public async Task An_admin_creates_lists_and_revokes_a_collector_key_with_whfb()
    {
        var created = await WhfbAsync("collector-key", "create", "ring 1 devices");
        var key = KeyIn(created.Output);
        var collector = host.Client("Bearer", key);
        var listed = await WhfbAsync("collector-key", "list", "--json");
        var id = JsonDocument.Parse(listed.Output).RootElement
            .EnumerateArray().Single(k => k.GetProperty("name").GetString() == "ring 1 devices").GetProperty("id").GetGuid();
        var revoked = await WhfbAsync("collector-key", "revoke", id.ToString());
        var again = await WhfbAsync("collector-key", "revoke", Guid.NewGuid().ToString());

        Assert.Equal(0, created.ExitCode);
        Assert.Contains("Created enrollment key", created.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(key, listed.Output, StringComparison.Ordinal);
        Assert.Equal(0, revoked.ExitCode);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("404", again.Output, StringComparison.Ordinal);
        await Eventually.Async(async () => (await collector.PostAsync("/v1/events", CollectorBodies.Ndjson([CollectorBodies.Record(Guid.NewGuid(), 1)]))).StatusCode == System.Net.HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_admin_lists_device_keys_with_their_device_and_revokes_one_by_its_device_id()
    {
        var device = Guid.NewGuid();
        var collector = await host.DeviceAsync(IngestHost.TenantA, device);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await collector.PostAsync("/v1/events", CollectorBodies.Ndjson([CollectorBodies.Record(device, 1)]))).StatusCode);

        var listed = await WhfbAsync("collector-key", "list", "--kind", "device", "--device", device.ToString(), "--json");
        var neither = await WhfbAsync("collector-key", "revoke");
        var revoked = await WhfbAsync("collector-key", "revoke", "--device", device.ToString());
        var table = await WhfbAsync("collector-key", "list", "--kind", "device");

        var key = Assert.Single(JsonDocument.Parse(listed.Output).RootElement.EnumerateArray());
        Assert.Equal(("device", device), (key.GetProperty("kind").GetString(), key.GetProperty("deviceId").GetGuid()));
        Assert.NotEqual(0, neither.ExitCode);
        Assert.Contains("--device", neither.Output, StringComparison.Ordinal);
        Assert.Equal(0, revoked.ExitCode);
        Assert.Contains("│ device │", table.Output, StringComparison.Ordinal);
        await Eventually.Async(async () => (await collector.PostAsync("/v1/events", CollectorBodies.Ndjson([CollectorBodies.Record(device, 2)]))).StatusCode == System.Net.HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Whfb_dsregcmd_parse_prints_the_parsed_status_as_JSON()
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "Samples", "Dsregcmd", "hybrid-whfb.txt");
        var (exitCode, output) = await ExternalProcess.RunAsync("bash", ["-c", $"dotnet '{WhfbDll}' dsregcmd parse < '{sample}'"]);

        Assert.Equal(0, exitCode);
        Assert.Equal("HybridJoined", JsonDocument.Parse(output).RootElement.GetProperty("joinType").GetString());
    }

    [Fact]
    public async Task Whfb_events_import_posts_a_forwarded_events_export_in_chunks_mapping_computers_to_devices()
    {
        await using var probe = await BusProbe.BindAsync(host.VirtualHost, typeof(ProvisioningReadinessReported), typeof(NgcKeyRegistrationFailed));
        var device = Guid.NewGuid();
        var folder = System.IO.Directory.CreateTempSubdirectory("whfb-import").FullName;
        var export = Path.Combine(folder, "forwarded.xml");
        var map = Path.Combine(folder, "devices.csv");
        await File.WriteAllTextAsync(export, CollectorBodies.Sample("Xml/wrapper-no-rendering.xml")
            .Replace("2025-05-20T", $"{DateTimeOffset.UtcNow.AddDays(-1):yyyy-MM-dd}T", StringComparison.Ordinal));
        await File.WriteAllLinesAsync(map, ["\"DisplayName\",\"DeviceId\"", $"\"PC-0007\",\"{device}\""]);
        var created = await WhfbAsync("collector-key", "create", "imports", "--import");
        Assert.Contains("Created import key", created.Output, StringComparison.Ordinal);
        var collectorKey = KeyIn(created.Output);

        var (exitCode, output) = await ExternalProcess.RunAsync("dotnet", [WhfbDll, "events", "import", export, "--device-map", map, "--chunk", "1"],
            new Dictionary<string, string> { ["WHFB_INGEST_URL"] = host.KestrelAddress!.ToString(), ["WHFB_COLLECTOR_KEY"] = collectorKey, ["NO_COLOR"] = "1" });
        System.IO.Directory.Delete(folder, recursive: true);

        Assert.Equal(1, exitCode);
        Assert.Contains("3 records read, 1 invalid in the file; 2 accepted by Ingest", output, StringComparison.Ordinal);
        Assert.Contains("record 2 (line 41)", output, StringComparison.Ordinal);
        var readiness = Assert.Single(await probe.WaitForAsync<ProvisioningReadinessReported>(1)).GetProperty("header");
        Assert.Equal((device, IngestHost.TenantA), (readiness.GetProperty("deviceId").GetGuid(), readiness.GetProperty("tenantId").GetGuid()));
        Assert.Equal("S-1-5-21-3623811015-3361044348-30300820-1013", readiness.GetProperty("userSid").GetString());
        Assert.Single(await probe.WaitForAsync<NgcKeyRegistrationFailed>(1));
        Assert.Equal(2, await probe.BatchCountAsync<ProvisioningReadinessReported>() + await probe.BatchCountAsync<NgcKeyRegistrationFailed>());
    }

    /// <summary>The key <c>whfb collector-key create</c> printed (its own line, shown once).</summary>
    private static string KeyIn(string output) => output.Split('\n', StringSplitOptions.TrimEntries).Single(l => l.StartsWith("whfbc_", StringComparison.Ordinal));

    private static string WhfbDll => Whfb.Testing.RepositoryPaths.WhfbDll;

    private Task<(int ExitCode, string Output)> WhfbAsync(params string[] arguments) =>
        ExternalProcess.RunAsync("dotnet", [WhfbDll, .. arguments], new Dictionary<string, string>
        {
            ["WHFB_INGEST_URL"] = host.KestrelAddress!.ToString(),
            ["WHFB_API_KEY"] = host.AdminKey(IngestHost.TenantA),
            ["NO_COLOR"] = "1",
        });
}
