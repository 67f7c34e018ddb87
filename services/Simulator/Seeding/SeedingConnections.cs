using System.DirectoryServices.Protocols;
using System.Net;
using Whfb.Directory.Ldap;

namespace Whfb.Simulator.Seeding;

/// <summary>
/// Plain bound LDAP connections for bulk seeding, and a helper that spreads many small writes over several of them
/// (Samba serves each connection in turn, so parallel connections are what makes seeding faster).
/// </summary>
public static class SeedingConnections
{
    public static LdapConnection Open(LdapDirectoryOptions ldap)
    {
        ArgumentNullException.ThrowIfNull(ldap);
        var secure = ldap.Url.Scheme.Equals("ldaps", StringComparison.OrdinalIgnoreCase);
        var port = ldap.Url.IsDefaultPort || ldap.Url.Port <= 0 ? (secure ? 636 : 389) : ldap.Url.Port;
        var connection = new LdapConnection(new LdapDirectoryIdentifier(ldap.Url.Host, port, false, false))
        {
            AuthType = ldap.BindDn is null ? AuthType.Anonymous : AuthType.Basic,
            AutoBind = false,
            Timeout = ldap.Timeout,
        };
        connection.SessionOptions.ProtocolVersion = 3;
        connection.SessionOptions.ReferralChasing = ReferralChasingOptions.None;
        connection.SessionOptions.SecureSocketLayer = secure;
        if (ldap.BindDn is null)
        {
            connection.Bind();
        }
        else
        {
            connection.Bind(new NetworkCredential(ldap.BindDn, ldap.Password));
        }

        return connection;
    }

    /// <summary>Sends one request per item over <paramref name="connections"/> connections in parallel; how many were sent.</summary>
    public static async Task<int> SendAllAsync<T>(
        LdapDirectoryOptions ldap, IReadOnlyList<T> items, int connections, Func<T, DirectoryRequest> request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(request);
        if (items.Count == 0)
        {
            return 0;
        }

        var lanes = Math.Clamp(connections, 1, items.Count);
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, lanes).Select(_ => Task.Factory.StartNew(() =>
        {
            using var connection = Open(ldap);
            for (var i = Interlocked.Increment(ref next); i < items.Count; i = Interlocked.Increment(ref next))
            {
                cancellationToken.ThrowIfCancellationRequested();
                connection.SendRequest(request(items[i]), ldap.Timeout);
            }
        }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)));
        return items.Count;
    }
}
