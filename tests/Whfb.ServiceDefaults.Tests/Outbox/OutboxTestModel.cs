using MassTransit;
using Microsoft.EntityFrameworkCore;
using Whfb.ServiceDefaults;
using Whfb.ServiceDefaults.Outbox;

namespace Whfb.ServiceDefaults.Tests.Outbox;

public sealed record WidgetCreated(Guid WidgetId, string Name);

public sealed class Widget
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
}

/// <summary>What the consumer did: one row per applied message (so a duplicate delivery would show twice).</summary>
public sealed class AppliedWidget
{
    public Guid WidgetId { get; set; }
    public Guid MessageId { get; set; }
}

public sealed class OutboxTestDbContext(DbContextOptions<OutboxTestDbContext> options) : DbContext(options)
{
    public DbSet<Widget> Widgets => Set<Widget>();
    public DbSet<AppliedWidget> Applied => Set<AppliedWidget>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Widget>().ToTable("widgets");
        modelBuilder.Entity<AppliedWidget>().ToTable("applied_widgets").HasKey(a => new { a.WidgetId, a.MessageId });
        modelBuilder.AddOutboxAndInbox();
    }
}

/// <summary>Counts every delivery, applies each message once (inbox in the same transaction as the effect).</summary>
public sealed class WidgetCreatedConsumer(OutboxTestDbContext db, DeliveryLog log, TimeProvider time) : IConsumer<WidgetCreated>
{
    public async Task Consume(ConsumeContext<WidgetCreated> context)
    {
        log.Record(context.MessageId!.Value);
        await using var tx = await db.Database.BeginTransactionAsync(context.CancellationToken);
        if (await db.TryMarkProcessedAsync(context.MessageId.Value, nameof(WidgetCreatedConsumer), time.GetUtcNow(), context.CancellationToken))
        {
            db.Applied.Add(new AppliedWidget { WidgetId = context.Message.WidgetId, MessageId = context.MessageId.Value });
            await db.SaveChangesAsync(context.CancellationToken);
        }

        await tx.CommitAsync(context.CancellationToken);
    }
}

public sealed class DeliveryLog
{
    private readonly List<Guid> deliveries = [];

    public void Record(Guid messageId)
    {
        lock (deliveries)
        {
            deliveries.Add(messageId);
        }
    }

    public int Count
    {
        get
        {
            lock (deliveries)
            {
                return deliveries.Count;
            }
        }
    }
}
