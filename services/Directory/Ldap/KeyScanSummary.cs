namespace Whfb.Directory.Ldap;

/// <summary>How a scan went. Store <see cref="Cursor"/> only once every page was processed.</summary>
public sealed record KeyScanSummary
{
    public required ScanMode Mode { get; init; }

    /// <summary>Why a full scan was done (no cursor, other DC, invocation id changed, forced).</summary>
    public string? FullScanReason { get; init; }

    public required ScanCursor Cursor { get; init; }

    public int Pages { get; init; }

    public int Users { get; init; }

    public int Values { get; init; }

    public int UndecodableValues { get; init; }

    public int Reconnects { get; init; }

    /// <summary>Smells found in pages and by the probes after a full scan (the first 1,000).</summary>
    public IReadOnlyList<PermissionSmell> Smells { get; init; } = [];

    public int SmellCount { get; init; }

    public TimeSpan Elapsed { get; init; }
}
