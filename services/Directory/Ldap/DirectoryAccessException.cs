using System.DirectoryServices.Protocols;

namespace Whfb.Directory.Ldap;

/// <summary>Base of the directory errors this library throws (wrapping the S.DS.Protocols ones).</summary>
public class DirectoryAccessException : Exception
{
    public DirectoryAccessException()
    {
    }

    public DirectoryAccessException(string message)
        : base(message)
    {
    }

    public DirectoryAccessException(string message, Exception? innerException, ResultCode? resultCode = null)
        : base(message, innerException)
    {
        ResultCode = resultCode;
    }

    /// <summary>The LDAP result code when the server answered with one.</summary>
    public ResultCode? ResultCode { get; }
}

/// <summary>The bind was refused (wrong DN or password, strong authentication required, ...).</summary>
public sealed class DirectoryBindException : DirectoryAccessException
{
    public DirectoryBindException()
    {
    }

    public DirectoryBindException(string message)
        : base(message)
    {
    }

    public DirectoryBindException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public DirectoryBindException(string message, Exception? innerException, int ldapError)
        : base(message, innerException)
    {
        LdapError = ldapError;
    }

    /// <summary>The client library's error code (49 = invalid credentials, 8 = strong auth required).</summary>
    public int? LdapError { get; }

    /// <summary>The domain controller that refused the bind.</summary>
    public Uri? Server { get; init; }
}

/// <summary>The server could not be reached or did not answer in time, even after one reconnect.</summary>
public sealed class DirectoryUnavailableException : DirectoryAccessException
{
    public DirectoryUnavailableException()
    {
    }

    public DirectoryUnavailableException(string message)
        : base(message)
    {
    }

    public DirectoryUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public bool IsTimeout { get; init; }

    /// <summary>Each domain controller tried, when none could be reached.</summary>
    public IReadOnlyList<ServerFailure> Failures { get; init; } = [];
}

/// <summary>The directory settings cannot be used (they would send a password in clear text, name no credentials, ...).</summary>
public sealed class DirectoryConfigurationException : InvalidOperationException
{
    public DirectoryConfigurationException()
    {
    }

    public DirectoryConfigurationException(string message)
        : base(message)
    {
    }

    public DirectoryConfigurationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public DirectoryConfigurationException(IReadOnlyList<string> problems)
        : base("Directory settings refused: " + string.Join(" ", problems))
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; } = [];
}
