using System.DirectoryServices.Protocols;
using System.Net;

namespace Whfb.Directory.Ldap;

/// <summary>
/// Opens an <see cref="LdapConnection"/> set up the way AD wants it (v3, no referral chasing, TLS as configured, bound),
/// to the first of the configured domain controllers that answers.
/// </summary>
public static class LdapConnections
{
    /// <summary>Connects and binds; throws <see cref="DirectoryBindException"/>, <see cref="DirectoryUnavailableException"/>
    /// or, before any connection, <see cref="DirectoryConfigurationException"/>.</summary>
    public static LdapConnection OpenBound(LdapDirectoryOptions options) => Open(options).Connection;

    /// <summary>
    /// Tries the domain controllers in order. One that cannot be reached is skipped (and listed in the result); a refused
    /// bind is thrown at once, since the next DC would refuse the same account (and count another bad password).
    /// </summary>
    public static BoundConnection Open(LdapDirectoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        LdapOptionsCheck.EnsureUsable(options);
        var skipped = new List<ServerFailure>();
        foreach (var url in options.Servers)
        {
            try
            {
                return new BoundConnection(OpenOne(options, url), url, skipped);
            }
            catch (DirectoryUnavailableException e)
            {
                skipped.Add(new ServerFailure(url, e.Message, e.IsTimeout));
            }
        }

        throw new DirectoryUnavailableException(
            $"No domain controller answered: {string.Join("; ", skipped.Select(f => f.Error))}") { Failures = skipped };
    }

    private static LdapConnection OpenOne(LdapDirectoryOptions options, Uri url)
    {
        var secure = LdapUrls.IsLdaps(url);
        var connection = new LdapConnection(new LdapDirectoryIdentifier(url.Host, LdapUrls.Port(url), false, false))
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
        try
        {
            connection.SessionOptions.ProtocolVersion = 3;
            connection.SessionOptions.ReferralChasing = ReferralChasingOptions.None;
            connection.SessionOptions.SecureSocketLayer = secure;
            TlsSetup.Apply(connection, options, url);
            Bind(connection, options);
            return connection;
        }
        catch (LdapException e) when (!LdapErrors.IsConnectionLost(e) && e.ErrorCode != LdapErrors.Timeout)
        {
            connection.Dispose();
            var hint = options.BindMode == LdapBindMode.Negotiate
                ? $" (Kerberos: a ticket (klist) or client keytab (KRB5_CLIENT_KTNAME) for the account, and an SPN ldap/{url.Host} on the DC?)"
                : "";
            throw new DirectoryBindException(
                $"Bind to {url} as {Identity(options)} refused: {e.Message} (LDAP {e.ErrorCode}) {e.ServerErrorMessage}{hint}".TrimEnd(), e, e.ErrorCode)
            {
                Server = url,
            };
        }
        catch (DirectoryOperationException e) when (options.BindMode == LdapBindMode.Negotiate)
        {
            connection.Dispose();
            throw new DirectoryBindException($"Kerberos bind to {url} refused: {e.Response?.ResultCode} {e.Message}", e) { Server = url };
        }
        catch (Exception e) when (e is LdapException or TimeoutException or DirectoryOperationException)
        {
            connection.Dispose();
            var hint = options.UsesTls(url) ? " (TLS: is the certificate signed by a CA of CaCertificatesFile, and does it name this host?)" : "";
            throw LdapErrors.Map(e, $"Connect to {url}{hint}");
        }
    }

    private static void Bind(LdapConnection connection, LdapDirectoryOptions options)
    {
        if (options.BindMode != LdapBindMode.Simple)
        {
            // Anonymous, or Negotiate without explicit credentials: SASL GSSAPI with the process's Kerberos credentials.
            connection.Bind();
            return;
        }

        connection.Bind(new NetworkCredential(options.BindDn, options.Password));
    }

    private static string Identity(LdapDirectoryOptions options) =>
        options.BindMode == LdapBindMode.Simple ? options.BindDn ?? "" : options.BindMode.ToString();
}

/// <summary>A bound connection, the domain controller it goes to, and those skipped because they could not be reached.</summary>
public sealed record BoundConnection(LdapConnection Connection, Uri Server, IReadOnlyList<ServerFailure> Skipped);

/// <summary>Why a domain controller could not be used (no credentials in <see cref="Error"/>).</summary>
public sealed record ServerFailure(Uri Server, string Error, bool IsTimeout);
