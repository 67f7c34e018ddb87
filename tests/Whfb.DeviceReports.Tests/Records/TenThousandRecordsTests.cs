using System.Text;
using Whfb.DeviceReports.Normalization;
using Xunit.Abstractions;

namespace Whfb.DeviceReports.Tests.Records;

/// <summary>
/// A body of ten thousand records (the request limit) is read and normalized whole. How fast is measured by the
/// <c>ingest</c> benchmark against a baseline in the same run, not here: on a shared machine a rate bound either
/// fails at random or says nothing.
/// </summary>
public class TenThousandRecordsTests(ITestOutputHelper output)
{
    [Fact]
    public void Reads_and_normalizes_ten_thousand_records()
    {
        var lines = System.IO.Directory.GetFiles(Samples.PathOf("Events"))
            .Select(f => System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(f))!.ToJsonString())
            .ToArray();
        var body = Encoding.UTF8.GetBytes(string.Join('\n', Enumerable.Range(0, 10_000).Select(i => lines[i % lines.Length])));
        var reader = Samples.Reader();
        var count = Run(reader, body);

        output.WriteLine($"{count} records ({body.Length / count} bytes each)");
        Assert.Equal(10_000, count);
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
