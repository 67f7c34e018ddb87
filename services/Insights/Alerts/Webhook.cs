using Whfb.Insights.Projections;

namespace Whfb.Insights.Alerts;

/// <summary>A webhook as the API shows it: never with its secret, its URL as scheme and host only.</summary>
public sealed record Webhook(Guid Id, string Name, string Url, string Format, IReadOnlyList<string> Kinds, bool Enabled, DateTimeOffset CreatedAt);

/// <summary>Create or replace a webhook. <see cref="Secret"/> signs every notification; on update, null keeps the old one.</summary>
/// <param name="Kinds">Alert kinds to deliver (key-stuck, pipeline-stalled, sync-backlog, rollout-halted, gpo-conflict, graph-permission-missing, directory-unreachable); empty = all.</param>
public sealed record WebhookRequest(string Name, string Url, string? Secret, string? Format, IReadOnlyList<string>? Kinds, bool? Enabled)
{
    public static readonly string[] AlertKinds =
        ["key-stuck", "pipeline-stalled", "sync-backlog", "rollout-halted", "gpo-conflict", HealthEventsProjector.PermissionKind, HealthEventsProjector.DirectoryKind];

    public const int MaxNameLength = 200;
    public const int MaxUrlLength = 2048;

    /// <summary>
    /// The first problem as (field, message), or null when valid. Names and URLs are bounded and free of control
    /// characters: a NUL reached PostgreSQL (500), and an unbounded one was stored as it came.
    /// </summary>
    public (string Field, string Message)? Problem(bool creating, WebhookDestinations destinations) =>
        string.IsNullOrWhiteSpace(Name) ? ("name", "a name is required")
        : Name.Length > MaxNameLength || Name.Any(char.IsControl) ? ("name", $"a name of at most {MaxNameLength} characters, without control characters")
        : Url is { Length: > MaxUrlLength } || Url?.Any(char.IsControl) == true ? ("url", $"a URL of at most {MaxUrlLength} characters, without control characters")
        : destinations.Problem(Url!) is { } url ? ("url", url)
        : creating && (Secret is null || Secret.Length < 16) ? ("secret", "a secret of at least 16 characters is required")
        : Secret is { Length: < 16 } ? ("secret", "a secret of at least 16 characters is required")
        : Format is not null && !AlertPayloads.Formats.Contains(Format) ? ("format", $"format must be one of {string.Join(", ", AlertPayloads.Formats)}")
        : Kinds?.FirstOrDefault(k => !AlertKinds.Contains(k)) is { } kind ? ("kinds", $"'{kind}' is not one of {string.Join(", ", AlertKinds)}")
        : null;
}
