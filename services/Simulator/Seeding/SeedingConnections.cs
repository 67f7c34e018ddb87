using System.DirectoryServices.Protocols;
using Whfb.Directory.Ldap;

namespace Whfb.Simulator.Seeding;

/// <summary>
/// Bulk seeding: spreads many small writes over several bound connections
/// (Samba serves each connection in turn, so parallel connections are what makes seeding faster).
/// </summary>
public static class SeedingConnections
{
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
            using var connection = LdapConnections.OpenBound(ldap);
            for (var i = Interlocked.Increment(ref next); i < items.Count; i = Interlocked.Increment(ref next))
            {
                cancellationToken.ThrowIfCancellationRequested();
                connection.SendRequest(request(items[i]), ldap.Timeout);
            }
        }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)));
        return items.Count;
    }
}
