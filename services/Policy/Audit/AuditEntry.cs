namespace Whfb.Policy.Audit;

/// <summary>
/// One audited thing: an operator action (create, start, advance, override, refused write, ...) or a Graph call
/// with what was sent and what came back.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>Null for a refused request without a credential.</summary>
    public Guid? TenantId { get; set; }

    public Guid? RolloutId { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Actor { get; set; }

    /// <summary>"action" or "graph".</summary>
    public required string Kind { get; set; }

    /// <summary>The action ("start", "advance", "refused", ...) or the HTTP method of a Graph call.</summary>
    public required string Action { get; set; }

    /// <summary>Justification, reason, outcome or the Graph URL.</summary>
    public string? Detail { get; set; }

    public string? RequestBody { get; set; }

    public int? StatusCode { get; set; }

    public string? ResponseBody { get; set; }

    public double? DurationMs { get; set; }
}
