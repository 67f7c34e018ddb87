using System.DirectoryServices.Protocols;

namespace Whfb.Directory.Ldap;

/// <summary>The scanner's and writer's transport over one connection from <see cref="LdapConnections"/>.</summary>
internal sealed class LdapConnectionTransport : ILdapTransport
{
    private readonly LdapConnection _connection;
    private readonly TimeSpan _timeout;

    private LdapConnectionTransport(LdapConnection connection, TimeSpan timeout)
    {
        _connection = connection;
        _timeout = timeout;
    }

    /// <summary>Connects and binds; throws <see cref="DirectoryBindException"/> or <see cref="DirectoryUnavailableException"/>.</summary>
    public static LdapConnectionTransport Connect(LdapDirectoryOptions options) =>
        new(LdapConnections.OpenBound(options), options.Timeout);

    public DirectoryResponse Send(DirectoryRequest request) => _connection.SendRequest(request, _timeout);

    public void Dispose() => _connection.Dispose();
}
