using System.Text.Json;
using Whfb.Cli.Events;
using Whfb.DeviceReports.Records;
using Xunit;

namespace Whfb.Cli.Tests;

/// <summary><c>whfb events import --dry-run</c> offline, the device map, and the uploader's retries against a stand-in Ingest.</summary>
public sealed class EventsImportTests
{
    private static readonly Guid Pc7 = Guid.Parse("7e7e7e7e-0007-4007-8007-7e7e7e7e7e7e");

    private static string Sample(string relative) => Path.Combine(AppContext.BaseDirectory, "Samples", relative);

    [Fact]
    public async Task A_dry_run_prints_each_record_normalized_and_names_the_one_it_cannot_place()
    {
        var map = Path.Combine(Path.GetTempPath(), $"devices-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(map, ["#TYPE Selected.Microsoft.Graph.PowerShell.Models.MicrosoftGraphDevice", "\"DisplayName\",\"DeviceId\"", $"\"PC-0007\",\"{Pc7}\""]);
        try
        {
            var (exitCode, output) = await WhfbProcess.RunAsync("", "events", "import", Sample("Xml/wrapper-no-rendering.xml"),
                "--device-map", map, "--dry-run", "--max-age-days", "36500");

            Assert.Equal(1, exitCode);
            var entries = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
            Assert.Equal(["ProvisioningReadinessReported", "NgcKeyRegistrationFailed", null], entries.Select(e => e.TryGetProperty("type", out var t) ? t.GetString() : null));
            Assert.Equal(Pc7, entries[0].GetProperty("event").GetProperty("header").GetProperty("deviceId").GetGuid());
            Assert.Equal("S-1-5-21-3623811015-3361044348-30300820-1013", entries[0].GetProperty("event").GetProperty("header").GetProperty("userSid").GetString());
            Assert.False(entries[0].GetProperty("event").GetProperty("isReady").GetBoolean());
            Assert.Equal(("Invalid", 41, "deviceId"), (entries[2].GetProperty("status").GetString(), entries[2].GetProperty("line").GetInt32(),
                entries[2].GetProperty("error").GetProperty("field").GetString()));
        }
        finally
        {
            File.Delete(map);
        }
    }

    [Fact]
    public async Task A_dry_run_of_Windows_PowerShell_output_with_a_device_id_is_all_valid()
    {
        var (exitCode, output) = await WhfbProcess.RunAsync("", "events", "import", Sample("PowerShell51/depth4-date-wrapper.json"),
            "--device-id", Pc7.ToString(), "--dry-run", "--max-age-days", "36500");

        Assert.Equal(0, exitCode);
        var header = JsonDocument.Parse(output).RootElement[0].GetProperty("event").GetProperty("header");
        Assert.Equal(("LT-CONTOSO-0142", 300), (header.GetProperty("deviceName").GetString(), header.GetProperty("windowsEventId").GetInt32()));
    }

    [Theory]
    [InlineData("events.evtx")]
    [InlineData("missing.xml")]
    public async Task Files_it_cannot_read_are_refused_with_the_way_to_export_them(string name)
    {
        var (exitCode, _) = await WhfbProcess.RunAsync("", "events", "import", Path.Combine(Path.GetTempPath(), name), "--dry-run");

        Assert.Equal(2, exitCode);
    }

    [Fact]
    public void A_device_map_matches_host_and_full_names_ignoring_case()
    {
        var map = DeviceMap.Parse(["computer,deviceId", $"pc-0007,{Pc7}", "broken,not-a-guid", ""]);

        Assert.Equal(1, map.Count);
        Assert.Equal(Pc7, map.DeviceIdOf("PC-0007.fabrikam.local"));
        Assert.Equal(Pc7, map.DeviceIdOf("PC-0007"));
        Assert.Null(map.DeviceIdOf("PC-0008"));
        Assert.Null(map.DeviceIdOf(null));
    }

    [Fact]
    public async Task The_uploader_retries_a_busy_Ingest_and_maps_refusals_back_to_file_positions()
    {
        await using var ingest = await RolloutApiStandIn.StartAsync();
        var records = new EventXmlReaderFixture().Records();
        ingest.Answer("POST", "/v1/events", 503, "");
        var waits = new List<TimeSpan>();
        using var http = new HttpClient { BaseAddress = ingest.Url };
        Task Wait(TimeSpan wait, CancellationToken _)
        {
            waits.Add(wait);
            ingest.Answer("POST", "/v1/events", 202, """{"accepted":1,"rejected":[{"index":1,"reason":"too old"}]}""");
            return Task.CompletedTask;
        }

        var outcome = await new EventUploader(http, delay: Wait)
            .PostAsync([(5, records[0]), (9, records[1])], chunkSize: 2, _ => { }, CancellationToken.None);

        Assert.Equal(1, outcome.Accepted);
        Assert.Equal((9, "too old"), Assert.Single(outcome.Rejected));
        Assert.Equal([TimeSpan.FromSeconds(1)], waits);
        Assert.Equal(2, ingest.Requests.Count);
        Assert.Equal(2, ingest.Requests[^1].Body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    private sealed class EventXmlReaderFixture
    {
        public List<CollectorRecord> Records() => EventFile.Read(File.ReadAllBytes(Sample("Xml/rendered-sequence.xml")), "x.xml", _ => Pc7, TimeSpan.FromDays(36500))
            .Select(r => r.Record!).ToList();
    }
}
