using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Whfb.Testing;
using Xunit;

namespace Whfb.ServiceDefaults.Tests.Outbox;

public sealed class OutboxTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private IsolatedDatabase database = null!;
    private IsolatedVirtualHost vhost = null!;

    public async Task InitializeAsync()
    {
        database = await IsolatedDatabase.CreateAsync("outbox");
        vhost = await IsolatedVirtualHost.CreateAsync("outbox");
    }

    public async Task DisposeAsync()
    {
        await vhost.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task Message_committed_before_a_crash_is_published_by_the_next_process()
    {
        var log = new DeliveryLog();

        // First process: commits state and message, then dies before its dispatcher ever runs.
        Guid widgetId;
        using (var crashed = OutboxHost.Build(database, vhost, log))
        {
            await OutboxHost.EnsureSchemaAsync(crashed);
            widgetId = await OutboxHost.CreateWidgetAsync(crashed, "before-crash");
        }

        Assert.Equal(1, await PendingAsync());

        // Second process: starts, finds the pending row, publishes it; the consumer applies it.
        using var restarted = OutboxHost.Build(database, vhost, log);
        await restarted.StartAsync();
        await Eventually.Async(async () => await AppliedAsync(restarted, widgetId) == 1, Patience);
        await Eventually.Async(async () => await PendingAsync() == 0, Patience);
        await restarted.StopAsync();
    }

    [Fact]
    public async Task Crash_between_publish_and_mark_sent_publishes_again_and_the_consumer_applies_once()
    {
        var log = new DeliveryLog();
        var crashes = 0;
        using var host = OutboxHost.Build(database, vhost, log, afterPublish: _ =>
            Interlocked.Increment(ref crashes) == 1 ? throw new InvalidOperationException("injected crash after publish") : Task.CompletedTask);
        await OutboxHost.EnsureSchemaAsync(host);
        await host.StartAsync();

        var widgetId = await OutboxHost.CreateWidgetAsync(host, "twice");

        await Eventually.Async(async () => log.Count >= 2 && await PendingAsync() == 0, Patience);
        Assert.True(crashes >= 2, "the dispatcher should have tried again after the injected crash");
        Assert.Equal(1, await AppliedAsync(host, widgetId));
        await host.StopAsync();
    }

    [Fact]
    public async Task Rolled_back_state_change_publishes_nothing()
    {
        var log = new DeliveryLog();
        using var host = OutboxHost.Build(database, vhost, log);
        await OutboxHost.EnsureSchemaAsync(host);
        await host.StartAsync();

        await OutboxHost.CreateWidgetAsync(host, "rolled-back", commit: false);
        var committed = await OutboxHost.CreateWidgetAsync(host, "committed");

        // The committed message arrives; the rolled-back one never existed.
        await Eventually.Async(async () => await AppliedAsync(host, committed) == 1, Patience);
        Assert.Equal(1, await OutboxHost.QueryAsync(host, db => db.Widgets.CountAsync()));
        Assert.Equal(1, log.Count);
        await host.StopAsync();
    }

    private Task<int> AppliedAsync(IHost host, Guid widgetId) =>
        OutboxHost.QueryAsync(host, db => db.Applied.CountAsync(a => a.WidgetId == widgetId));

    private async Task<int> PendingAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }
}
