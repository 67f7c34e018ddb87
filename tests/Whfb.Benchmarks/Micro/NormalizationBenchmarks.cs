using BenchmarkDotNet.Attributes;
using Whfb.Benchmarks.Ingest;
using Whfb.DeviceReports.Records;
using Whfb.Ingest.Apis;

namespace Whfb.Benchmarks.Micro;

/// <summary>What Ingest does per request before publishing: read 500 records and build their messages (dotnet run -c Release -- --filter *Normalization*).</summary>
[MemoryDiagnoser]
public class NormalizationBenchmarks
{
    private readonly CollectorRecordReader reader = new();
    private byte[] body = [];

    [GlobalSetup]
    public void Setup() => body = BenchmarkPayloads.Create(1, 500, Guid.NewGuid()).Bodies[0];

    [Benchmark]
    public int ReadAndBuildMessages()
    {
        var records = reader.ReadAll(body).ValidRecords.ToList();
        return DeviceEventMessages.For(Guid.Empty, records).Count;
    }
}
