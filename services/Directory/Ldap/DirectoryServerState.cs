namespace Whfb.Directory.Ldap;

/// <summary>What the DC said at scan start: its identity and its high-water mark.</summary>
/// <param name="DsServiceName">DN of the DC's NTDS Settings object (rootDSE dsServiceName).</param>
/// <param name="InvocationId">The DC database's invocation id; null when it could not be read.</param>
/// <param name="HighestCommittedUsn">rootDSE highestCommittedUSN.</param>
public sealed record DirectoryServerState(string DsServiceName, Guid? InvocationId, long HighestCommittedUsn)
{
    public ScanCursor ToCursor() => new(DsServiceName, InvocationId, HighestCommittedUsn);
}
