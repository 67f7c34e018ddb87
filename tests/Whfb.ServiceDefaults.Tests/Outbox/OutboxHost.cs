using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Whfb.ServiceDefaults.Database;
using Whfb.ServiceDefaults.Messaging;
using Whfb.ServiceDefaults.Outbox;
using Whfb.Testing;

namespace Whfb.ServiceDefaults.Tests.Outbox;

/// <summary>A minimal service built with the real ServiceDefaults wiring, on the test's own database and vhost.</summary>
internal static class OutboxHost
{
    public static IHost Build(IsolatedDatabase database, IsolatedVirtualHost vhost, DeliveryLog log, Func<IReadOnlyList<Guid>, Task>? afterPublish = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:outboxtestdb"] = database.ConnectionString;
        builder.Configuration["ConnectionStrings:rabbitmq"] = vhost.AmqpConnectionString;
        builder.Configuration["Database:MigrateOnStartup"] = "false";
        builder.Configuration["Outbox:PollInterval"] = "00:00:00.200";
        builder.Configuration["Messaging:RedeliveryIntervalsSec:0"] = "1";
        builder.AddServiceDefaults("outboxtest");
        builder.AddDatabase<OutboxTestDbContext>();
        builder.AddMessaging(bus => bus.AddConsumer<WidgetCreatedConsumer>());
        builder.Services.AddSingleton(log);
        builder.Services.PostConfigure<OutboxOptions>(o => o.AfterPublish = afterPublish);
        return builder.Build();
    }

    public static async Task EnsureSchemaAsync(IHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutboxTestDbContext>().Database.EnsureCreatedAsync();
    }

    public static async Task<Guid> CreateWidgetAsync(IHost host, string name, bool commit = true)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutboxTestDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
        await using var tx = await db.Database.BeginTransactionAsync();
        var widget = new Widget { Id = Guid.NewGuid(), Name = name };
        db.Widgets.Add(widget);
        outbox.Enqueue(new WidgetCreated(widget.Id, name));
        await db.SaveChangesAsync();
        if (commit)
        {
            await tx.CommitAsync();
        }

        return widget.Id;
    }

    public static async Task<T> QueryAsync<T>(IHost host, Func<OutboxTestDbContext, Task<T>> query)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<OutboxTestDbContext>());
    }
}
