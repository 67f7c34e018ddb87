using System.Globalization;
using Whfb.DeviceReports.Records;

namespace Whfb.Ingest.Apis;

/// <summary>When a device report was collected: validated against the server's clock like event records are.</summary>
internal static class ReportTime
{
    private static readonly TimeSpan MaxFutureSkew = new CollectorRecordReaderOptions().MaxFutureSkew;

    /// <summary>The reason the time is unusable, or null.</summary>
    public static string? Problem(DateTimeOffset collectedAt, TimeProvider time) =>
        collectedAt > time.GetUtcNow() + MaxFutureSkew ? $"collectedAt is more than {MaxFutureSkew.TotalHours:0} h in the future" : null;

    public static bool TryParse(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
}
