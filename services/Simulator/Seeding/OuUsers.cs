using System.DirectoryServices.Protocols;
using Whfb.Directory.Ldap;

namespace Whfb.Simulator.Seeding;

/// <summary>An AD user already in the scenario's OU: anchors, adminCount and its msDS-KeyCredentialLink values.</summary>
public sealed record SeededUser(string DistinguishedName, Guid ObjectGuid, string? ObjectSid, int? AdminCount, IReadOnlyList<string> KeyValues);

/// <summary>
/// Lists every user of one OU in a single paged search (one round trip per 1,000 users), so a later run reuses an
/// earlier run's users without reading them one by one.
/// </summary>
public static class OuUsers
{
    private static readonly string[] Attributes = ["objectGUID", "objectSid", "adminCount", "msDS-KeyCredentialLink"];

    public static IReadOnlyDictionary<string, SeededUser> List(LdapDirectoryOptions ldap, string ouDn)
    {
        ArgumentNullException.ThrowIfNull(ldap);
        using var connection = LdapConnections.OpenBound(ldap);
        var users = new Dictionary<string, SeededUser>(StringComparer.OrdinalIgnoreCase);
        var request = new SearchRequest(ouDn, "(objectClass=user)", SearchScope.OneLevel, Attributes);
        var paging = new PageResultRequestControl(1000);
        request.Controls.Add(paging);
        while (true)
        {
            var response = (SearchResponse)connection.SendRequest(request, ldap.Timeout);
            foreach (SearchResultEntry entry in response.Entries)
            {
                var user = Read(entry);
                users[user.DistinguishedName] = user;
            }

            var cookie = response.Controls.OfType<PageResultResponseControl>().FirstOrDefault()?.Cookie;
            if (cookie is not { Length: > 0 })
            {
                return users;
            }

            paging.Cookie = cookie;
        }
    }

    private static SeededUser Read(SearchResultEntry entry)
    {
        byte[]? Bytes(string name) => entry.Attributes.Contains(name) && entry.Attributes[name].GetValues(typeof(byte[])) is [byte[] first, ..] ? first : null;
        string[] Strings(string name) => entry.Attributes.Contains(name) ? (string[])entry.Attributes[name].GetValues(typeof(string)) : [];
        var sid = Bytes("objectSid");
        return new SeededUser(
            entry.DistinguishedName,
            new Guid(Bytes("objectGUID") ?? throw new DirectoryAccessException($"No objectGUID readable on {entry.DistinguishedName}")),
            sid is null ? null : SecurityIdentifierFormatter.Format(sid),
            int.TryParse(Strings("adminCount").FirstOrDefault(), out var count) ? count : null,
            Strings("msDS-KeyCredentialLink"));
    }
}
