using System.DirectoryServices.Protocols;

namespace Whfb.Directory.Ldap;

/// <summary>Reads one object by its DN (or <c>&lt;GUID=…&gt;</c> / <c>&lt;SID=…&gt;</c>) with a base search.</summary>
internal static class BaseEntry
{
    /// <summary>The object's entry when it exists and matches the filter; null when there is no such object (or it does not match).</summary>
    public static async Task<SearchResultEntry?> ReadAsync(
        LdapSession session, string dn, string filter, string[] attributes, CancellationToken cancellationToken)
    {
        try
        {
            var response = await session.SendAsync<SearchResponse>(
                new SearchRequest(dn, filter, SearchScope.Base, attributes), cancellationToken);
            return response.Entries.Count > 0 ? response.Entries[0] : null;
        }
        catch (DirectoryAccessException e) when (e.ResultCode == ResultCode.NoSuchObject)
        {
            return null;
        }
    }
}
