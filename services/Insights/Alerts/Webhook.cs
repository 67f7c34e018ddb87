using Whfb.Insights.Projections;

namespace Whfb.Insights.Alerts;

/// <summary>A webhook as the API shows it: never with its secret, its URL as scheme and host only.</summary>
public sealed record Webhook(Guid Id, string Name, string Url, string Format, IReadOnlyList<string> Kinds, bool Enabled, DateTimeOffset CreatedAt);

/// <summary>Create or replace a webhook. <see cref="Secret"/> signs every notification; on update, null keeps the old one.</summary>
/// <param name="Kinds">Alert kinds to deliver (key-stuck, pipeline-stalled, rollout-halted, gpo-conflict, graph-permission-missing, directory-unreachable); empty = all.</param>
public sealed record WebhookRequest(string Name, string Url, string? Secret, string? Format, IReadOnlyList<string>? Kinds, bool? Enabled)
{
    public static readonly string[] AlertKinds =
        ["key-stuck", "pipeline-stalled", "rollout-halted", "gpo-conflict", HealthEventsProjector.PermissionKind, HealthEventsProjector.DirectoryKind];

    /// <summary>The first problem as (field, message), or null when valid.</summary>
    public (string Field, string Message)? Problem(bool creating, WebhookDestinations destinations) =>
        string.IsNullOrWhiteSpace(Name) ? ("name", "a name is required")
        : destinations.Problem(Url) is { } url ? ("url", url)
        : creating && (Secret is null || Secret.Length < 16) ? ("secret", "a secret of at least 16 characters is required")
        : Secret is { Length: < 16 } ? ("secret", "a secret of at least 16 characters is required")
        : Format is not null && !AlertPayloads.Formats.Contains(Format) ? ("format", $"format must be one of {string.Join(", ", AlertPayloads.Formats)}")
        : Kinds?.FirstOrDefault(k => !AlertKinds.Contains(k)) is { } kind ? ("kinds", $"'{kind}' is not one of {string.Join(", ", AlertKinds)}")
        : null;
}
