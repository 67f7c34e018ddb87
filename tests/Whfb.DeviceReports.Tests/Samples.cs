using System.Text;
using Whfb.Contracts.Devices;
using Whfb.DeviceReports.Normalization;
using Whfb.DeviceReports.Records;

namespace Whfb.DeviceReports.Tests;

/// <summary>The sample files under Samples/ (copied to the output folder) and the fixed clock and tenant of the tests.</summary>
internal static class Samples
{
    public static readonly Guid Tenant = Guid.Parse("72f988bf-86f1-41af-91ab-2d7cd011db47");
    public static readonly Guid Device = Guid.Parse("6f1c2b9e-3d4a-4e5f-8a7b-1c2d3e4f5a6b");
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static string PathOf(string relative) => Path.Combine(AppContext.BaseDirectory, "Samples", relative);

    public static byte[] Bytes(string relative) => File.ReadAllBytes(PathOf(relative));

    public static string Text(string relative) => File.ReadAllText(PathOf(relative));

    public static CollectorRecordReader Reader(CollectorRecordReaderOptions? options = null) => new(new FixedClock(Now), options);

    public static List<RecordReadResult> Read(string json) => Reader().Read(Encoding.UTF8.GetBytes(json)).ToList();

    /// <summary>The one valid record of an Events/ sample.</summary>
    public static CollectorRecord Record(string eventFile)
    {
        var results = Reader().Read(Bytes("Events/" + eventFile)).ToList();
        var result = Assert.Single(results);
        Assert.True(result.IsValid, result.Error?.Reason);
        return result.Record!;
    }

    /// <summary>An Events/ sample normalized, as the contract type it should become.</summary>
    public static T Normalized<T>(string eventFile)
    {
        var normalized = DeviceEventNormalizer.Normalize(Tenant, Record(eventFile));
        return Assert.IsType<T>(normalized.Message);
    }

    public static DeviceEventHeader HeaderOf(object message) =>
        (DeviceEventHeader)message.GetType().GetProperty("Header")!.GetValue(message)!;
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
