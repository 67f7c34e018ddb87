using System.Globalization;
using Whfb.DeviceReports.Records;

namespace Whfb.Ingest.Apis;

/// <summary>When a device report was collected: validated against the server's clock like event records are.</summary>
internal static class ReportTime
{
    /// <summary>The reason the time is unusable, or null.</summary>
    public static string? Problem(DateTimeOffset collectedAt, TimeProvider time, CollectorRecordReaderOptions limits) =>
        limits.WindowAt(time.GetUtcNow()).Check(collectedAt, "collectedAt")?.Reason;

    public static bool TryParse(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
}
