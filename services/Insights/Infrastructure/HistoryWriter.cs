using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Whfb.Contracts.Devices;

namespace Whfb.Insights.Infrastructure;

/// <summary>
/// Appends a batch of device events to the history in one statement; a record seen before (same deterministic
/// id, e.g. a collector's retry or a redelivered message) is skipped, so the write is idempotent.
/// </summary>
public sealed class HistoryWriter(InsightsDbContext db)
{
    private const string Sql = """
        INSERT INTO device_event_history
            (id, tenant_id, device_id, device_name, user_principal_name, channel, windows_event_id, record_id,
             time_created, received_at, level, payload)
        SELECT id, @tenant, device_id, device_name, upn, channel, windows_event_id, record_id, time_created, @received, level, payload
        FROM unnest(@ids, @devices, @names, @upns, @channels, @event_ids, @record_ids, @times, @levels, @payloads)
            AS t(id, device_id, device_name, upn, channel, windows_event_id, record_id, time_created, level, payload)
        ON CONFLICT (id) DO NOTHING
        """;

    public Task<int> AppendAsync(DeviceEventsRecorded batch, CancellationToken cancellationToken)
    {
        var events = batch.Events;
        object[] parameters =
        [
            new NpgsqlParameter("tenant", batch.TenantId),
            new NpgsqlParameter("received", batch.ReceivedAt),
            Array("ids", NpgsqlDbType.Uuid, events.Select(e => e.Id)),
            Array("devices", NpgsqlDbType.Uuid, events.Select(e => e.DeviceId)),
            Array("names", NpgsqlDbType.Text, events.Select(e => e.DeviceName)),
            Array("upns", NpgsqlDbType.Text, events.Select(e => e.UserPrincipalName)),
            Array("channels", NpgsqlDbType.Text, events.Select(e => e.Channel)),
            Array("event_ids", NpgsqlDbType.Integer, events.Select(e => e.WindowsEventId)),
            Array("record_ids", NpgsqlDbType.Bigint, events.Select(e => e.RecordId)),
            Array("times", NpgsqlDbType.TimestampTz, events.Select(e => e.TimeCreated)),
            Array("levels", NpgsqlDbType.Text, events.Select(e => e.Level)),
            Array("payloads", NpgsqlDbType.Jsonb, events.Select(Payload)),
        ];
        return db.Database.ExecuteSqlRawAsync(Sql, parameters, cancellationToken);
    }

    private static NpgsqlParameter Array<T>(string name, NpgsqlDbType type, IEnumerable<T> values) =>
        new(name, NpgsqlDbType.Array | type) { Value = values.ToArray() };

    private static string Payload(DeviceEventRecord e) =>
        JsonSerializer.Serialize(new { e.Provider, e.UserObjectId, e.EventData, e.Message }, JsonSerializerOptions.Web);
}
