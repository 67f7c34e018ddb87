using System.DirectoryServices.Protocols;

namespace Whfb.Directory.Ldap;

/// <summary>Reads rootDSE (dsServiceName, highestCommittedUSN) and, if readable, the DC's invocationId.</summary>
internal static class ServerStateReader
{
    public static async Task<DirectoryServerState> ReadAsync(LdapSession session, CancellationToken cancellationToken)
    {
        var rootDse = await session.SendAsync<SearchResponse>(
            new SearchRequest(string.Empty, "(objectClass=*)", SearchScope.Base, "dsServiceName", "highestCommittedUSN"),
            cancellationToken);
        var entry = rootDse.Entries.Count > 0 ? rootDse.Entries[0] : null;
        var serviceName = entry is null ? null : LdapAttributes.String(entry, "dsServiceName");
        var usn = entry is null ? null : LdapAttributes.Long(entry, "highestCommittedUSN");
        if (serviceName is null || usn is null)
        {
            throw new DirectoryAccessException("rootDSE did not return dsServiceName and highestCommittedUSN");
        }

        return new DirectoryServerState(serviceName, await ReadInvocationIdAsync(session, serviceName, cancellationToken), usn.Value);
    }

    private static async Task<Guid?> ReadInvocationIdAsync(LdapSession session, string serviceName, CancellationToken cancellationToken)
    {
        try
        {
            var response = await session.SendAsync<SearchResponse>(
                new SearchRequest(serviceName, "(objectClass=*)", SearchScope.Base, "invocationId"), cancellationToken);
            return response.Entries.Count > 0 ? LdapAttributes.Guid(response.Entries[0], "invocationId") : null;
        }
        catch (DirectoryAccessException e) when (e is not DirectoryUnavailableException)
        {
            // Not readable with these rights: scans still work, DC restores are then only seen by dsServiceName.
            return null;
        }
    }
}
