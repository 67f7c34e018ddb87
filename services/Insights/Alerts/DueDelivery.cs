namespace Whfb.Insights.Alerts;

/// <summary>A delivery whose time has come, with what its notification says and where it goes.</summary>
public sealed record DueDelivery(
    Guid Id, string Event, int Attempts, Guid AlertId, Guid TenantId, string Kind, string Title, string Text, Guid? DeviceId,
    DateTimeOffset OpenedAt, DateTimeOffset? ResolvedAt, Guid WebhookId, string WebhookName, string Url, string Secret, string Format);
