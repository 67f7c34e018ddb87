namespace Whfb.ServiceDefaults.Outbox;

/// <summary>A message a consumer has already applied: the consumer's side of exactly-once effects.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }
    public required string Consumer { get; set; }
    public DateTimeOffset ProcessedAt { get; set; }
}
