using System.DirectoryServices.Protocols;
using System.Net;

namespace Whfb.Directory.Ldap;

/// <summary>Opens an <see cref="LdapConnection"/> set up the way AD wants it: v3, no referral chasing, bound.</summary>
public static class LdapConnections
{
    /// <summary>Connects and binds; throws <see cref="DirectoryBindException"/> or <see cref="DirectoryUnavailableException"/>.</summary>
    public static LdapConnection OpenBound(LdapDirectoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
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
            return connection;
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
