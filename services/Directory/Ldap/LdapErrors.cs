using System.DirectoryServices.Protocols;

namespace Whfb.Directory.Ldap;

/// <summary>Client-side LDAP error codes (OpenLDAP / wldap32) and their mapping to our exceptions.</summary>
internal static class LdapErrors
{
    public const int ServerDown = 81;
    public const int Timeout = 85;
    public const int ConnectError = 91;
    public const int InvalidCredentials = 49;

    public static bool IsConnectionLost(LdapException e) => e.ErrorCode is ServerDown or ConnectError;

    public static DirectoryAccessException Map(Exception e, string what) => e switch
    {
        DirectoryAccessException mine => mine,
        LdapException { ErrorCode: Timeout } or TimeoutException =>
            new DirectoryUnavailableException($"{what}: timed out", e) { IsTimeout = true },
        LdapException l when IsConnectionLost(l) =>
            new DirectoryUnavailableException($"{what}: server unavailable ({l.Message})", e),
        DirectoryOperationException op =>
            new DirectoryAccessException($"{what}: {op.Response?.ResultCode} {op.Response?.ErrorMessage}".TrimEnd(), e, op.Response?.ResultCode),
        _ => new DirectoryAccessException($"{what}: {e.Message}", e),
    };
}
