using Whfb.Directory.Ldap;

namespace Whfb.SyncTracker.ActiveDirectory;

/// <summary>Where the last complete scan of one DC stopped (per tenant and DC), so a restart resumes incrementally.</summary>
public sealed class ScanCheckpoint
{
    public Guid TenantId { get; set; }
    public string DsServiceName { get; set; } = "";
    public Guid? InvocationId { get; set; }
    public long HighestCommittedUsn { get; set; }
    public DateTimeOffset ScannedAt { get; set; }
    public string LastMode { get; set; } = "";
    public uint Version { get; set; }

    public ScanCursor ToCursor() => new(DsServiceName, InvocationId, HighestCommittedUsn);
}
