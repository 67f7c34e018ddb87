using System.Diagnostics;
using System.Text;
using Whfb.DeviceReports.Normalization;
using Xunit.Abstractions;

namespace Whfb.DeviceReports.Tests.Records;

/// <summary>
/// A coarse guard for the ingest hot path (goal: ~50k records/s on one core). The bound is far
/// below the goal so a busy CI machine never fails it; the measured rate is printed.
/// </summary>
public class ThroughputTests(ITestOutputHelper output)
{
    [Fact]
    public void Reads_and_normalizes_ten_thousand_records_quickly()
    {
        var lines = Directory.GetFiles(Samples.PathOf("Events"))
            .Select(f => System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(f))!.ToJsonString())
            .ToArray();
        var body = Encoding.UTF8.GetBytes(string.Join('\n', Enumerable.Range(0, 10_000).Select(i => lines[i % lines.Length])));
        var reader = Samples.Reader();
        Run(reader, body); // warm-up

        var watch = Stopwatch.StartNew();
        var count = Run(reader, body);
        watch.Stop();

        var rate = count / watch.Elapsed.TotalSeconds;
        output.WriteLine($"{count} records in {watch.ElapsedMilliseconds} ms = {rate:N0} records/s ({body.Length / count} bytes each)");
        Assert.Equal(10_000, count);
        Assert.True(rate > 5_000, $"only {rate:N0} records/s");
    }

    private static int Run(DeviceReports.Records.CollectorRecordReader reader, byte[] body)
    {
        var count = 0;
        foreach (var result in reader.Read(body))
        {
            DeviceEventNormalizer.Normalize(Samples.Tenant, result.Record!);
            count++;
        }

        return count;
    }
}
