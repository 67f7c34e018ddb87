using System.Diagnostics.Metrics;
using Npgsql;
using NpgsqlTypes;
using Whfb.Insights.Model;
using Whfb.ServiceDefaults.Telemetry;

namespace Whfb.Insights.History;

/// <summary>
/// Events the history cannot take (outside its window, or data PostgreSQL refuses such as a NUL in a text), kept in
/// <c>history_rejected</c> with the reason instead of failing the batch they came in, which holds other messages and
/// other tenants' events. The payload is stored as JSON text, whose escapes (<c>\u0000</c>) PostgreSQL's text accepts.
/// </summary>
public sealed partial class HistoryQuarantine(NpgsqlDataSource dataSource, TimeProvider time, ILogger<HistoryQuarantine> logger)
{
    private static readonly Counter<long> Rejected = WhfbTelemetry.Meter.CreateCounter<long>(
        "whfb.insights.history.rejected", description: "History events rejected instead of written, by reason (window, data)");

    /// <summary>
    /// A refusal by the data itself (class 22 data exceptions: bad encoding, untranslatable character, out-of-range
    /// values; NOT NULL and CHECK violations; a value too large to index), which no retry will change.
    /// </summary>
    public static bool IsDataError(Exception exception) =>
        exception is PostgresException { SqlState: var state }
        && (state.StartsWith("22", StringComparison.Ordinal) || state is PostgresErrorCodes.NotNullViolation
            or PostgresErrorCodes.CheckViolation or PostgresErrorCodes.ProgramLimitExceeded);

    public async Task AddAsync(IReadOnlyList<HistoryRow> rows, string category, Func<HistoryRow, string> reason, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var batch = dataSource.CreateBatch();
        foreach (var row in rows)
        {
            var command = new NpgsqlBatchCommand("""
                INSERT INTO history_rejected (event_id, tenant_id, kind, occurred_at, reason, payload, rejected_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (event_id) DO NOTHING
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = row.EventId, NpgsqlDbType = NpgsqlDbType.Uuid });
            command.Parameters.Add(new NpgsqlParameter { Value = row.TenantId, NpgsqlDbType = NpgsqlDbType.Uuid });
            command.Parameters.Add(new NpgsqlParameter { Value = row.Kind, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = row.OccurredAt, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            command.Parameters.Add(new NpgsqlParameter { Value = reason(row), NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = row.Payload, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = time.GetUtcNow(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
            batch.BatchCommands.Add(command);
            LogRejected(logger, row.EventId, row.TenantId, row.Kind, category);
        }

        await batch.ExecuteNonQueryAsync(ct);
        Rejected.Add(rows.Count, new KeyValuePair<string, object?>("reason", category));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "History event {EventId} of tenant {TenantId} ({Kind}) rejected ({Category}); kept in history_rejected")]
    private static partial void LogRejected(ILogger logger, Guid eventId, Guid tenantId, string kind, string category);
}
