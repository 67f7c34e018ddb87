using Microsoft.EntityFrameworkCore;

namespace Whfb.ServiceDefaults.Outbox;

public static class InboxExtensions
{
    /// <summary>
    /// Records that <paramref name="consumer"/> applied <paramref name="messageId"/>; false when it already had.
    /// Call inside the transaction that applies the message, so the record and the effect commit together.
    /// </summary>
    public static async Task<bool> TryMarkProcessedAsync(
        this DbContext db, Guid messageId, string consumer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var inserted = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES ({messageId}, {consumer}, {now}) ON CONFLICT DO NOTHING",
            cancellationToken);
        return inserted == 1;
    }
}
