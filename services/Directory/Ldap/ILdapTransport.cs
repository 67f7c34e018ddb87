using System.DirectoryServices.Protocols;

namespace Whfb.Directory.Ldap;

/// <summary>One bound connection; a seam so reconnect logic can be tested without a server.</summary>
internal interface ILdapTransport : IDisposable
{
    /// <summary>The domain controller this connection goes to.</summary>
    Uri Server { get; }

    /// <summary>Domain controllers skipped, unreachable, when this connection was opened.</summary>
    IReadOnlyList<ServerFailure> Skipped { get; }

    DirectoryResponse Send(DirectoryRequest request);
}
