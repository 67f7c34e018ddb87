using System.Text.Json;
using Whfb.Insights.History;

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

    public string? UserPrincipalName { get; init; } = StorableText.Scrub(UserPrincipalName);

    public string? Detail { get; init; } = StorableText.Scrub(Detail);

    /// <summary>The message as JSON (the history's payload column), serialized once, on first use.</summary>
    public string Payload => payload ??= StorableText.ScrubJson(JsonSerializer.Serialize(Message, Message.GetType(), JsonSerializerOptions.Web));
}
