using Whfb.Directory.Ldap;

namespace Whfb.SyncTracker.ActiveDirectory;

/// <summary>
/// Bound from "SyncTracker:Directory"; scanning is off while <see cref="Url"/> is empty. Checked at start
/// (<see cref="AdScanOptionsSetup"/>): a simple bind over plain ldap:// is refused unless <see cref="AllowPlainTextBind"/>.
/// </summary>
public sealed class AdScanOptions
{
    public const string Section = "SyncTracker:Directory";

    /// <summary>The preferred domain controller (ldaps://dc1:636, or ldap://dc1 with StartTls or the Negotiate bind).</summary>
    public string? Url { get; set; }

    /// <summary>Further domain controllers, tried in order when the ones before cannot be reached; each keeps its own cursor.</summary>
    public List<string> FailoverUrls { get; set; } = [];

    /// <summary>Simple (BindDn and password), Negotiate (Kerberos from the process's keytab or ticket cache), or Anonymous.</summary>
    public LdapBindMode BindMode { get; set; } = LdapBindMode.Simple;

    public string? BindDn { get; set; }

    /// <summary>
    /// Set by <see cref="AdScanOptionsSetup"/> from <c>SyncTracker:Directory:PasswordFile</c> or from
    /// <c>SyncTracker__Directory__Password</c> in the environment; refused in an appsettings file, never logged.
    /// </summary>
    public string? Password { get; set; }

    public bool StartTls { get; set; }

    /// <summary>PEM bundle of the CAs that sign the domain controllers' certificates (else the system's trust store).</summary>
    public string? CaCertificatesFile { get; set; }

    /// <summary>Allows a simple bind over plain ldap:// (a test directory only: the password crosses the network in clear).</summary>
    public bool AllowPlainTextBind { get; set; }

    /// <summary>Subtrees to scan (the synced OUs, or the domain root).</summary>
    public List<string> BaseDns { get; set; } = [];

    /// <summary>
    /// Users per LDAP page, each handed to the engine and saved before the next is read. 200 rather than AD's 1,000: a
    /// page, its decoded values and its save stay alive until the page is committed, so a larger page outlives young
    /// collections and dies in gen2, which raises the service's peak memory.
    /// </summary>
    public int PageSize { get; set; } = 200;

    /// <summary>Incremental scans run this often (a full scan runs first when no cursor is stored).</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// After each scan, at most this many users are read from AD by their anchors (users of keys waiting past one cycle
    /// whose AD user no scan returned); the others wait for the next scan.
    /// </summary>
    public int MaxLookupsPerScan { get; set; } = 100;

    /// <summary>
    /// A complete scan older than this many intervals is too old to call a key stuck or the pipeline stalled for what AD
    /// lacks: the engine waits for a newer one.
    /// </summary>
    public int StaleAfterScans { get; set; } = 10;

    /// <summary>Consecutive failed scans (no DC reachable, or the bind refused) that make a directory-unreachable episode.</summary>
    public int UnreachableAfterFailures { get; set; } = 2;

    public bool Enabled => !string.IsNullOrWhiteSpace(Url) && BaseDns.Count > 0;

    /// <summary>How long one complete scan lets the engine conclude from what AD lacks.</summary>
    public TimeSpan ObservationValidFor => ScanInterval * StaleAfterScans;

    public LdapDirectoryOptions ToLdap() => new()
    {
        Url = new Uri(Url!),
        FailoverUrls = [.. FailoverUrls.Select(u => new Uri(u))],
        BindMode = BindMode,
        BindDn = BindDn,
        Password = Password,
        StartTls = StartTls,
        CaCertificatesFile = CaCertificatesFile,
        AllowPlainTextBind = AllowPlainTextBind,
        BaseDns = BaseDns,
        PageSize = PageSize,
    };
}
