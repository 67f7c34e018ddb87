using System.DirectoryServices.Protocols;

namespace Whfb.Directory.Ldap;

/// <summary>The scanner's and writer's transport over one connection from <see cref="LdapConnections"/>.</summary>
internal sealed class LdapConnectionTransport : ILdapTransport
{
    private readonly BoundConnection _bound;
    private readonly TimeSpan _timeout;

    private LdapConnectionTransport(BoundConnection bound, TimeSpan timeout)
    {
        _bound = bound;
        _timeout = timeout;
    }

    public Uri Server => _bound.Server;

    public IReadOnlyList<ServerFailure> Skipped => _bound.Skipped;

    /// <summary>Connects and binds; throws <see cref="DirectoryBindException"/> or <see cref="DirectoryUnavailableException"/>.</summary>
    public static LdapConnectionTransport Connect(LdapDirectoryOptions options) =>
        new(LdapConnections.Open(options), options.Timeout);

    public DirectoryResponse Send(DirectoryRequest request) => _bound.Connection.SendRequest(request, _timeout);

    public void Dispose() => _bound.Connection.Dispose();
}
