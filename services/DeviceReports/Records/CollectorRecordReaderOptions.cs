namespace Whfb.DeviceReports.Records;

public sealed class CollectorRecordReaderOptions
{
    /// <summary>Most records one request may hold; past it the reader yields <see cref="RecordReadStatus.LimitExceeded"/> and stops.</summary>
    public int MaxRecords { get; set; } = 10_000;

    /// <summary>How far ahead of the server's clock a timeCreated may be (device clock skew).</summary>
    public TimeSpan MaxFutureSkew { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// How old a timeCreated may be. Every month of history is a partition downstream, so records dated years back
    /// would create partitions for all tenants; a collector's backlog is days or weeks old.
    /// </summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// The Entra device id of a record that has none, from its device name (deviceName, MachineName or Computer):
    /// for files exported from many devices at once (a forwarded-events collector, Log Analytics), where a mapping
    /// of computer names to device ids stands in. Null: deviceId is required.
    /// </summary>
    public Func<string?, Guid?>? DeviceIdFor { get; set; }

    /// <summary>The times accepted now.</summary>
    public TimeWindow WindowAt(DateTimeOffset now) => new(now - MaxAge, now + MaxFutureSkew);
}

/// <summary>The oldest and newest times a record or report may carry.</summary>
public readonly record struct TimeWindow(DateTimeOffset Earliest, DateTimeOffset Latest)
{
    /// <summary>Why the time is outside the window (naming <paramref name="field"/>), or null when inside.</summary>
    public RecordReadError? Check(DateTimeOffset time, string field)
    {
        if (time > Latest)
            return new(RecordErrorKind.TimeInFuture, "$." + field, field, $"{field} {time:O} is too far in the future (latest {Latest:O})");
        return time < Earliest
            ? new(RecordErrorKind.TooOld, "$." + field, field, $"{field} {time:O} is older than the oldest time accepted ({Earliest:O})")
            : null;
    }
}
