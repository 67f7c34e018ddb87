using System.Text.Json;

namespace Whfb.Insights.Model;

/// <summary>
/// One lifecycle event as it is appended to the history: the columns analytics filter on, the message as JSON,
/// and the typed message itself (not stored) so the projections can apply it.
/// </summary>
public sealed record HistoryRow(
    Guid EventId,
    Guid TenantId,
    string Kind,
    DateTimeOffset OccurredAt,
    object Message,
    Guid? DeviceId = null,
    Guid? UserId = null,
    string? UserPrincipalName = null,
    Guid? RolloutId = null,
    int? RingIndex = null,
    string? Detail = null)
{
    private string? payload;

    /// <summary>The message as JSON (the history's payload column), serialized once, on first use.</summary>
    public string Payload => payload ??= JsonSerializer.Serialize(Message, Message.GetType(), JsonSerializerOptions.Web);
}
