using Whfb.DeviceReports.Normalization;
using Whfb.DeviceReports.Records;

namespace Whfb.Ingest.Apis;

/// <summary>
/// What one accepted request puts on the bus: every record as its typed lifecycle event, for the services that react
/// to them (Insights keeps its history from these events too); <see cref="ConfirmedPublisher"/> sends them in batches.
/// </summary>
public static class DeviceEventMessages
{
    public static List<object> For(Guid tenantId, IReadOnlyList<CollectorRecord> records) =>
        records.Select(record => DeviceEventNormalizer.Normalize(tenantId, record).Message).ToList();
}
