using System.DirectoryServices.Protocols;

namespace Whfb.Directory.Ldap;

/// <summary>The state of one scan: reads each page's users, collects smells and counts.</summary>
internal sealed class ScanRun(KeyScanRequest request, ScanMode mode)
{
    private const int MaxListedSmells = 1000;
    private const string NoValuesReason =
        "Known key holder has no readable msDS-KeyCredentialLink value: not written yet, or the bind account cannot read it";

    private readonly HashSet<Guid> _known = [.. request.KnownKeyHolders];
    private readonly HashSet<Guid> _seenWithValues = [];
    private readonly List<PermissionSmell> _smells = [];
    private int _smellCount;
    private int _users;
    private int _values;
    private int _undecodable;

    public ScanMode Mode => mode;

    public int Pages { get; set; }

    /// <summary>Known key holders not returned with values (full scans only return holders with values).</summary>
    public IEnumerable<Guid> UnseenKnownHolders() => _known.Where(g => !_seenWithValues.Contains(g));

    public KeyScanPage ToPage(string baseDn, int number, SearchResultEntryCollection entries)
    {
        var users = new List<ScannedUser>(entries.Count);
        var smells = new List<PermissionSmell>();
        foreach (SearchResultEntry entry in entries)
        {
            var user = UserEntryReader.Read(entry);
            Count(user, smells);
            users.Add(user);
        }

        return new KeyScanPage(baseDn, number, mode, users, smells);
    }

    public void AddSmell(PermissionSmell smell, List<PermissionSmell>? page = null)
    {
        page?.Add(smell);
        _smellCount++;
        if (_smells.Count < MaxListedSmells)
        {
            _smells.Add(smell);
        }
    }

    public PermissionSmell NoValuesSmell(Guid objectGuid, string? dn, int? adminCount) => new(objectGuid, dn, NoValuesReason, adminCount);

    public KeyScanSummary Summarize(ScanCursor cursor, string? fullScanReason, int reconnects, TimeSpan elapsed) => new()
    {
        Mode = mode,
        FullScanReason = fullScanReason,
        Cursor = cursor,
        Pages = Pages,
        Users = _users,
        Values = _values,
        UndecodableValues = _undecodable,
        Reconnects = reconnects,
        Smells = _smells,
        SmellCount = _smellCount,
        Elapsed = elapsed,
    };

    private void Count(ScannedUser user, List<PermissionSmell> smells)
    {
        _users++;
        _values += user.Values.Count;
        _undecodable += user.Values.Count(v => !v.IsDecoded);
        if (!_known.Contains(user.ObjectGuid))
        {
            return;
        }

        // Only known holders are remembered, so memory follows the caller's set, not the directory size.
        if (user.Values.Count > 0)
        {
            _seenWithValues.Add(user.ObjectGuid);
        }
        else
        {
            AddSmell(NoValuesSmell(user.ObjectGuid, user.DistinguishedName, user.AdminCount), smells);
        }
    }
}
