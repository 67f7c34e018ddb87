using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Whfb.ServiceDefaults.Outbox;
using Whfb.Testing;
using Xunit;

namespace Whfb.ServiceDefaults.Tests.Outbox;

/// <summary>Inbox rows older than the retention go, in batches; newer ones stay, so a late duplicate is still caught.</summary>
public sealed class InboxPruneTests : IAsyncLifetime
{
    private IsolatedDatabase database = null!;
    private IsolatedVirtualHost vhost = null!;

    public async Task InitializeAsync()
    {
        database = await IsolatedDatabase.CreateAsync("inboxprune");
        vhost = await IsolatedVirtualHost.CreateAsync("inboxprune");
    }

    public async Task DisposeAsync()
    {
        await vhost.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task Rows_older_than_the_retention_are_deleted_in_batches_and_newer_rows_stay()
    {
        using var host = OutboxHost.Build(database, vhost, new DeliveryLog());
        await OutboxHost.EnsureSchemaAsync(host);
        var options = host.Services.GetRequiredService<IOptions<OutboxOptions>>().Value;
        options.PruneBatchSize = 3;
        var now = TimeProvider.System.GetUtcNow();
        var old = Enumerable.Range(0, 7).Select(i => now - options.InboxRetention - TimeSpan.FromMinutes(i + 1)).ToList();
        var recent = new[] { now - options.InboxRetention + TimeSpan.FromMinutes(5), now };
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutboxTestDbContext>();
        foreach (var at in old.Concat(recent))
        {
            Assert.True(await db.TryMarkProcessedAsync(Guid.NewGuid(), "prune-test", at, default));
        }

        var deleted = await scope.ServiceProvider.GetRequiredService<InboxPruner<OutboxTestDbContext>>().DeleteOldInboxAsync(default);

        Assert.Equal(old.Count, deleted);
        var left = await db.Set<InboxMessage>().Select(m => m.ProcessedAt).ToListAsync();
        Assert.Equal(recent.Length, left.Count);
        Assert.All(left, at => Assert.True(at > now - options.InboxRetention));
    }
}
