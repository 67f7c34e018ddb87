namespace Whfb.Directory.Ldap;

/// <summary>
/// Where the last scan of one DC stopped: USNs are per DC, so a cursor is only reused on the DC
/// (dsServiceName) and database (invocationId) that issued it.
/// </summary>
public sealed record ScanCursor(string DsServiceName, Guid? InvocationId, long HighestCommittedUsn);
