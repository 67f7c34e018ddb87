using System.Net;
using Whfb.Contracts.Devices;
using Whfb.DeviceReports.Normalization;
using Whfb.DeviceReports.Records;

namespace Whfb.Ingest.Tests.Collector;

/// <summary>
/// Get-WinEvent records as PowerShell 7 really serializes them (WinEventShapes.ps1, run by the suite's pwsh), at
/// ConvertTo-Json -Depth 1 to 5, as the objects and through Select-Object, as a JSON array and as NDJSON: every shape
/// gives the same records, and Ingest publishes them with the user's SID and the device's host name.
/// </summary>
public sealed class WinEventShapesTests(WinEventShapesTests.Host host) : IClassFixture<WinEventShapesTests.Host>
{
    public const string Sid = "S-1-5-21-1004336348-1177238915-682003330-1105";

    public sealed class Host : IngestHost
    {
        public static readonly Guid Device = Guid.Parse("6f1c2b9e-3d4a-4e5f-8a7b-1c2d3e4f5a6b");

        public DateTimeOffset TimeCreated { get; } = new(DateTimeOffset.UtcNow.AddHours(-1).UtcTicks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);

        public string Folder { get; } = System.IO.Directory.CreateTempSubdirectory("winevent-shapes").FullName;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await PowerShellTools.EnsureInstalledAsync();
            var script = Path.Combine(AppContext.BaseDirectory, "Collector", "WinEventShapes.ps1");
            // A time zone east of UTC, so the offsets PowerShell writes are converted, not merely read.
            var (exitCode, output) = await ExternalProcess.RunAsync(PowerShellTools.Pwsh,
                ["-NoProfile", "-NonInteractive", "-File", script, "-OutDir", Folder, "-TimeCreated", TimeCreated.ToString("O"), "-DeviceId", Device.ToString()],
                new Dictionary<string, string> { ["TZ"] = "Europe/Berlin", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" });
            Assert.True(exitCode == 0, output);
        }

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            System.IO.Directory.Delete(Folder, recursive: true);
        }
    }

    public static TheoryData<string> Shapes()
    {
        var data = new TheoryData<string>();
        foreach (var depth in Enumerable.Range(1, 5))
        {
            data.Add($"object-depth{depth}.json");
            data.Add($"select-depth{depth}.json");
            data.Add($"select-depth{depth}.ndjson");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Every_depth_and_shape_reads_as_the_same_records(string file)
    {
        var results = new CollectorRecordReader().ReadAll(File.ReadAllBytes(Path.Combine(host.Folder, file))).Results;

        Assert.All(results, r => Assert.True(r.IsValid, r.Error?.Reason));
        var records = results.Select(r => r.Record!).ToList();
        Assert.Equal([358, 300, 301], records.Select(r => r.EventId));
        Assert.Equal([4101L, 4102L, 4103L], records.Select(r => r.RecordId));
        Assert.All(records, r =>
        {
            Assert.Equal((Host.Device, "LT-CONTOSO-0142", "LT-CONTOSO-0142.contoso.com"), (r.DeviceId, r.DeviceName, r.DeviceFqdn));
            Assert.Equal(Sid, r.UserSid);
            Assert.Equal(host.TimeCreated, r.TimeCreated);
            Assert.Equal(TimeSpan.Zero, r.TimeCreated.Offset);
            Assert.Equal(DeviceEventNormalizer.DeviceRegistrationChannel, r.Channel);
        });
        Assert.Equal(["Information", "Information", "Error"], records.Select(r => r.Level));

        var depth = int.Parse(file.AsSpan(file.IndexOf("depth", StringComparison.Ordinal) + 5, 1), provider: null);
        var valuesSurvive = depth >= (file.EndsWith(".ndjson", StringComparison.Ordinal) ? 2 : 3);
        Assert.Equal(valuesSurvive ? "ATT_TPM" : null, records[1].EventData.GetValueOrDefault("2"));
        Assert.Equal(valuesSurvive ? "-2145844243" : null, records[2].EventData.GetValueOrDefault("0"));
        if (!valuesSurvive)
            Assert.All(records, r => Assert.Empty(r.EventData));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Every_shape_normalizes_from_its_message_when_the_values_did_not_survive(string file)
    {
        var records = new CollectorRecordReader().ReadAll(File.ReadAllBytes(Path.Combine(host.Folder, file))).ValidRecords.ToList();
        var messages = records.Select(r => DeviceEventNormalizer.Normalize(IngestHost.TenantA, r).Message).ToList();

        var readiness = Assert.IsType<ProvisioningReadinessReported>(messages[0]);
        Assert.False(readiness.IsReady);
        Assert.Equal(PrerequisiteState.No, readiness.Prerequisites.HardwarePolicyMet);
        var key = Assert.IsType<NgcKeyRegistered>(messages[1]);
        Assert.Equal(Guid.Parse("0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D"), key.KeyId);
        Assert.Equal("ada@whfb.test", key.UserPrincipalName);
        Assert.Equal(Sid, key.Header.UserSid);
        Assert.Equal(0x801C03EDu, Assert.IsType<NgcKeyRegistrationFailed>(messages[2]).ExitCode!.Code);
    }

    [Fact]
    public async Task Ingest_publishes_Select_Object_output_with_the_users_SID_and_the_host_name()
    {
        await using var probe = await BusProbe.BindAsync(host.VirtualHost, typeof(NgcKeyRegistered));
        var body = await File.ReadAllBytesAsync(Path.Combine(host.Folder, "select-depth2.json"));

        var response = await (await host.CollectorAsync(IngestHost.TenantA)).PostAsync("/v1/events", CollectorBodies.Bytes(body, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var header = Assert.Single(await probe.WaitForAsync<NgcKeyRegistered>(1)).GetProperty("header");
        Assert.Equal(Sid, header.GetProperty("userSid").GetString());
        Assert.Equal("LT-CONTOSO-0142", header.GetProperty("deviceName").GetString());
        Assert.Equal("LT-CONTOSO-0142.contoso.com", header.GetProperty("deviceFqdn").GetString());
        Assert.Equal(300, header.GetProperty("windowsEventId").GetInt32());
    }
}
