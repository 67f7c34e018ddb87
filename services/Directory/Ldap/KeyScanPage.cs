namespace Whfb.Directory.Ldap;

/// <summary>One LDAP page of results (at most PageSize users), handed to the caller before the next is read.</summary>
public sealed record KeyScanPage(
    string BaseDn,
    int PageNumber,
    ScanMode Mode,
    IReadOnlyList<ScannedUser> Users,
    IReadOnlyList<PermissionSmell> Smells);
