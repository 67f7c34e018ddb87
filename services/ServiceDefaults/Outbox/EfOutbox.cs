using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Whfb.ServiceDefaults.Outbox;

internal sealed class EfOutbox<TContext>(TContext db, TimeProvider time) : IOutbox
    where TContext : DbContext
{
    public Guid Enqueue<T>(T message) where T : class
    {
        var type = message.GetType();
        var now = time.GetUtcNow();
        var row = new OutboxMessage
        {
            Id = Guid.CreateVersion7(now),
            MessageType = OutboxTypeName.Of(type),
            Body = JsonSerializer.Serialize(message, type, OutboxJson.Options),
            TraceParent = Activity.Current?.Id,
            CreatedAt = now,
        };
        db.Set<OutboxMessage>().Add(row);
        return row.Id;
    }
}

internal static class OutboxJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}

internal static class OutboxTypeName
{
    public static string Of(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    public static Type? Resolve(string name) => Type.GetType(name, throwOnError: false);
}
