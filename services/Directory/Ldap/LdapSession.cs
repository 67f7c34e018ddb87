using System.DirectoryServices.Protocols;

namespace Whfb.Directory.Ldap;

/// <summary>
/// Sends requests on a lazily opened connection; when the server goes away it reconnects once with a
/// fresh connection (to the first domain controller that answers) and retries, then gives up with
/// <see cref="DirectoryUnavailableException"/>.
/// </summary>
internal sealed class LdapSession : IDisposable
{
    private readonly Func<ILdapTransport> _connect;
    private ILdapTransport? _transport;

    public LdapSession(Func<ILdapTransport> connect) => _connect = connect;

    public static LdapSession For(LdapDirectoryOptions options) => new(() => LdapConnectionTransport.Connect(options));

    /// <summary>The domain controller of the open connection; null before the first request and after a failure.</summary>
    public Uri? Server => _transport?.Server;

    /// <summary>Domain controllers skipped, unreachable, when the open connection was made.</summary>
    public IReadOnlyList<ServerFailure> Skipped => _transport?.Skipped ?? [];

    /// <summary>How many times a lost connection was replaced.</summary>
    public int Reconnects { get; private set; }

    /// <summary>True when the last request was answered on a connection opened after a failure.</summary>
    public bool LastSendReconnected { get; private set; }

    public Task<T> SendAsync<T>(DirectoryRequest request, CancellationToken cancellationToken)
        where T : DirectoryResponse =>
        Task.Run(() => (T)Send(request), cancellationToken);

    public void Dispose()
    {
        _transport?.Dispose();
        _transport = null;
    }

    private DirectoryResponse Send(DirectoryRequest request)
    {
        LastSendReconnected = false;
        try
        {
            return (_transport ??= _connect()).Send(request);
        }
        catch (LdapException e) when (LdapErrors.IsConnectionLost(e))
        {
            Dispose();
            Reconnects++;
            LastSendReconnected = true;
            try
            {
                return (_transport = _connect()).Send(request);
            }
            catch (Exception retry) when (retry is LdapException or DirectoryOperationException or TimeoutException)
            {
                throw LdapErrors.Map(retry, $"{Describe(request)} after reconnect");
            }
        }
        catch (Exception e) when (e is LdapException or DirectoryOperationException or TimeoutException)
        {
            throw LdapErrors.Map(e, Describe(request));
        }
    }

    private static string Describe(DirectoryRequest request) => request switch
    {
        SearchRequest s => $"Search {s.DistinguishedName} {s.Filter}",
        ModifyRequest m => $"Modify {m.DistinguishedName}",
        AddRequest a => $"Add {a.DistinguishedName}",
        DeleteRequest d => $"Delete {d.DistinguishedName}",
        _ => request.GetType().Name,
    };
}
