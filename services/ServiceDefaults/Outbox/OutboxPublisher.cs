using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Whfb.ServiceDefaults.Telemetry;

namespace Whfb.ServiceDefaults.Outbox;

/// <summary>Publishes one batch of pending outbox rows with broker confirms, then marks them sent.</summary>
public sealed class OutboxPublisher<TContext>(
    TContext db, IPublishEndpoint publisher, TimeProvider time, IOptions<OutboxOptions> options)
    where TContext : DbContext
{
    /// <returns>The number of rows published.</returns>
    public async Task<int> PublishPendingAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = await db.Set<OutboxMessage>()
            .FromSql($"SELECT * FROM outbox_messages WHERE sent_at IS NULL ORDER BY created_at LIMIT {options.Value.BatchSize} FOR UPDATE SKIP LOCKED")
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return 0;
        }

        await Task.WhenAll(rows.Select(row => PublishAsync(row, cancellationToken)));
        var ids = rows.Select(r => r.Id).ToList();
        if (options.Value.AfterPublish is { } hook)
        {
            await hook(ids);
        }

        var now = time.GetUtcNow();
        await db.Set<OutboxMessage>().Where(m => ids.Contains(m.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
    }

    public Task<int> DeleteSentAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - options.Value.Retention;
        return db.Set<OutboxMessage>().Where(m => m.SentAt != null && m.SentAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task PublishAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        var type = OutboxTypeName.Resolve(row.MessageType)
            ?? throw new InvalidOperationException($"Outbox message {row.Id} has unknown type {row.MessageType}");
        var message = JsonSerializer.Deserialize(row.Body, type, OutboxJson.Options)
            ?? throw new InvalidOperationException($"Outbox message {row.Id} has an empty body");

        // Continue the trace of the request that wrote the row, so one trace spans write → publish → consume.
        using var activity = WhfbTelemetry.ActivitySource.StartActivity(
            "outbox publish", ActivityKind.Producer, row.TraceParent ?? default(string));
        await publisher.Publish(message, type, ctx => ctx.MessageId = row.Id, cancellationToken);
    }
}
