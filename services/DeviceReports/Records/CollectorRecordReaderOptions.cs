namespace Whfb.DeviceReports.Records;

public sealed class CollectorRecordReaderOptions
{
    /// <summary>Most records one request may hold; past it the reader yields <see cref="RecordReadStatus.LimitExceeded"/> and stops.</summary>
    public int MaxRecords { get; set; } = 10_000;

    /// <summary>How far ahead of the server's clock a timeCreated may be (device clock skew).</summary>
    public TimeSpan MaxFutureSkew { get; set; } = TimeSpan.FromDays(1);
}
