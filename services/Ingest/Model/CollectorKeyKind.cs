namespace Whfb.Ingest.Model;

/// <summary>What a collector key may do.</summary>
public enum CollectorKeyKind
{
    /// <summary>
    /// The tenant's key that a fleet's collectors share (it sits in their configuration): it enrolls devices, and posts
    /// records only while <see cref="IngestOptions.TenantKeysPostUntil"/> allows (the migration window).
    /// </summary>
    Enrollment,

    /// <summary>One device's key, from enrollment: posts that device's records only.</summary>
    Device,

    /// <summary>
    /// An administrator's key for importing exports of many devices (<c>whfb events import</c>): posts any device of its
    /// tenant, never enrolls; it stays on the administrator's side, never on devices.
    /// </summary>
    Import,
}
