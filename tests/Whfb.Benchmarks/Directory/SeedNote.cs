using System.DirectoryServices.Protocols;
using System.Net;

namespace Whfb.Benchmarks.Directory;

/// <summary>
/// Keeps how the OU was seeded in the OU's own <c>description</c>, so later runs that skip seeding
/// (the data lives on in .local/samba) still report the seeding time with the data it belongs to.
/// </summary>
internal static class SeedNote
{
    private const string Attribute = "description";

    public static Task<string?> ReadAsync(DirectoryBenchSettings settings) => Task.Run(() =>
    {
        using var connection = Connect(settings);
        var response = (SearchResponse)connection.SendRequest(
            new SearchRequest(settings.OuDn, "(objectClass=*)", SearchScope.Base, Attribute));
        return response.Entries.Count > 0 && response.Entries[0].Attributes.Contains(Attribute)
            ? response.Entries[0].Attributes[Attribute][0] as string
            : null;
    });

    public static Task WriteAsync(DirectoryBenchSettings settings, string note) => Task.Run(() =>
    {
        using var connection = Connect(settings);
        connection.SendRequest(new ModifyRequest(settings.OuDn, DirectoryAttributeOperation.Replace, Attribute, note));
    });

    private static LdapConnection Connect(DirectoryBenchSettings settings)
    {
        var connection = new LdapConnection(new LdapDirectoryIdentifier(settings.Url.Host, settings.Url.Port, false, false))
        {
            AuthType = AuthType.Basic,
        };
        connection.SessionOptions.ProtocolVersion = 3;
        connection.SessionOptions.ReferralChasing = ReferralChasingOptions.None;
        connection.Bind(new NetworkCredential(settings.BindDn, settings.Password));
        return connection;
    }
}
