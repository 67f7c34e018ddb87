using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Whfb.ServiceDefaults.Outbox;

/// <summary>
/// Deletes old inbox rows. Separate from the outbox publisher because a service may consume with an inbox without
/// ever publishing through the outbox, and its inbox must still be pruned.
/// </summary>
public sealed class InboxPruner<TContext>(TContext db, TimeProvider time, IOptions<OutboxOptions> options)
    where TContext : DbContext
{
    /// <summary>False when the context's model has no inbox table, so there is nothing to prune.</summary>
    public bool HasInbox => db.Model.FindEntityType(typeof(InboxMessage)) is not null;

    /// <summary>Deletes inbox rows older than <see cref="OutboxOptions.InboxRetention"/>, a batch per statement; the rows deleted.</summary>
    public async Task<int> DeleteOldInboxAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - options.Value.InboxRetention;
        var batch = options.Value.PruneBatchSize;
        var total = 0;
        while (true)
        {
            var deleted = await db.Database.ExecuteSqlAsync(
                $"DELETE FROM inbox_messages WHERE ctid IN (SELECT ctid FROM inbox_messages WHERE processed_at < {cutoff} LIMIT {batch})",
                cancellationToken);
            total += deleted;
            if (deleted < batch)
                return total;
        }
    }
}
