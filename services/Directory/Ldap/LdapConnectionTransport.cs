using System.DirectoryServices.Protocols;
using System.Net;

namespace Whfb.Directory.Ldap;

/// <summary>An <see cref="LdapConnection"/> set up the way AD wants it: v3, no referral chasing, bound.</summary>
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
    public static LdapConnectionTransport Connect(LdapDirectoryOptions options)
    {
        var url = options.Url;
        var secure = string.Equals(url.Scheme, "ldaps", StringComparison.OrdinalIgnoreCase);
        if (!secure && !string.Equals(url.Scheme, "ldap", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Unsupported LDAP URL scheme '{url.Scheme}'", nameof(options));
        }

        var port = url.IsDefaultPort || url.Port <= 0 ? (secure ? 636 : 389) : url.Port;
        var connection = new LdapConnection(new LdapDirectoryIdentifier(url.Host, port, false, false))
        {
            AuthType = options.BindMode switch
            {
                LdapBindMode.Simple => AuthType.Basic,
                LdapBindMode.Negotiate => AuthType.Negotiate,
                _ => AuthType.Anonymous,
            },
            AutoBind = false,
            Timeout = options.Timeout,
        };
        connection.SessionOptions.ProtocolVersion = 3;
        connection.SessionOptions.ReferralChasing = ReferralChasingOptions.None;
        connection.SessionOptions.SecureSocketLayer = secure;
        try
        {
            Bind(connection, options);
            return new LdapConnectionTransport(connection, options.Timeout);
        }
        catch (LdapException e) when (!LdapErrors.IsConnectionLost(e) && e.ErrorCode != LdapErrors.Timeout)
        {
            connection.Dispose();
            throw new DirectoryBindException($"Bind to {options} refused: {e.Message} (LDAP {e.ErrorCode}) {e.ServerErrorMessage}".TrimEnd(), e, e.ErrorCode);
        }
        catch (Exception e) when (e is LdapException or TimeoutException)
        {
            connection.Dispose();
            var hint = secure ? " (ldaps: is the server certificate trusted? On Linux set LDAPTLS_CACERT, or LDAPTLS_REQCERT=never for a test directory)" : string.Empty;
            throw LdapErrors.Map(e, $"Connect to {options.Url}{hint}");
        }
    }

    public DirectoryResponse Send(DirectoryRequest request) => _connection.SendRequest(request, _timeout);

    public void Dispose() => _connection.Dispose();

    private static void Bind(LdapConnection connection, LdapDirectoryOptions options)
    {
        if (options.BindMode == LdapBindMode.Anonymous || (options.BindMode == LdapBindMode.Negotiate && options.BindDn is null))
        {
            connection.Bind();
            return;
        }

        connection.Bind(new NetworkCredential(options.BindDn, options.Password));
    }
}
