namespace Whfb.Directory.Ldap;

/// <summary>What a scan should start from and which users it should expect to have keys.</summary>
public sealed record KeyScanRequest
{
    /// <summary>Cursors kept from earlier scans, one per DC; the one matching the DC answering now is used.</summary>
    public IReadOnlyList<ScanCursor> Cursors { get; init; } = [];

    public bool ForceFull { get; init; }

    /// <summary>Users known (from Entra, say) to have keys: coming back without values is reported as a smell.</summary>
    public IReadOnlyCollection<Guid> KnownKeyHolders { get; init; } = [];

    /// <summary>After a full scan, at most this many unseen known key holders are read one by one.</summary>
    public int MaxSmellProbes { get; init; } = 100;
}
