using Whfb.Directory.Ldap;

namespace Whfb.SyncTracker.ActiveDirectory;

/// <summary>Bound from "SyncTracker:Directory"; scanning is off while <see cref="Url"/> is empty. Never log the password.</summary>
public sealed class AdScanOptions
{
    public const string Section = "SyncTracker:Directory";

    public string? Url { get; set; }

    public string? BindDn { get; set; }

    public string? Password { get; set; }

    /// <summary>Subtrees to scan (the synced OUs, or the domain root).</summary>
    public List<string> BaseDns { get; set; } = [];

    /// <summary>
    /// Users per LDAP page, each handed to the engine and saved before the next is read. 200 rather than AD's 1,000: a
    /// page, its decoded values and its save stay alive until the page is committed, so a larger page outlives young
    /// collections and dies in gen2 (peak RSS at 10k keys: 322 MB at 1,000, 281 MB at 200 with the same GC settings).
    /// </summary>
    public int PageSize { get; set; } = 200;

    /// <summary>Incremental scans run this often (a full scan runs first when no cursor is stored).</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// After each scan, at most this many users are read from AD by their anchors (users of keys waiting past one cycle
    /// whose AD user no scan returned); the others wait for the next scan.
    /// </summary>
    public int MaxLookupsPerScan { get; set; } = 100;

    public bool Enabled => !string.IsNullOrWhiteSpace(Url) && BaseDns.Count > 0;

    public LdapDirectoryOptions ToLdap() => new()
    {
        Url = new Uri(Url!),
        BindDn = BindDn,
        Password = Password,
        BindMode = BindDn is null ? LdapBindMode.Anonymous : LdapBindMode.Simple,
        BaseDns = BaseDns,
        PageSize = PageSize,
    };
}
