using System.DirectoryServices.Protocols;

namespace Whfb.Directory.Ldap;

/// <summary>One bound connection; a seam so reconnect logic can be tested without a server.</summary>
internal interface ILdapTransport : IDisposable
{
    DirectoryResponse Send(DirectoryRequest request);
}
