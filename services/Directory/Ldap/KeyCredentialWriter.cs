using System.DirectoryServices.Protocols;
using Whfb.Directory.KeyCredentials;

namespace Whfb.Directory.Ldap;

/// <summary>
/// Adds and removes single msDS-KeyCredentialLink values with LDAP modify on an existing user (what
/// Entra Connect does on export). Both are idempotent: they return false when there was nothing to do.
/// </summary>
public sealed class KeyCredentialWriter : IDisposable
{
    private readonly LdapSession _session;

    public KeyCredentialWriter(LdapDirectoryOptions options)
        : this(LdapSession.For(options))
    {
    }

    internal KeyCredentialWriter(LdapSession session) => _session = session;

    /// <summary>Adds a blob as a DN-Binary value owned by the user.</summary>
    public Task<bool> AddKeyAsync(string userDn, ReadOnlyMemory<byte> blob, CancellationToken cancellationToken = default) =>
        AddValueAsync(userDn, DnBinary.Format(blob.Span, userDn), cancellationToken);

    /// <summary>Adds one DN-Binary value; false when the user already has it.</summary>
    public Task<bool> AddValueAsync(string userDn, string dnBinaryValue, CancellationToken cancellationToken = default) =>
        ModifyAsync(userDn, DirectoryAttributeOperation.Add, dnBinaryValue, ResultCode.AttributeOrValueExists, cancellationToken);

    /// <summary>Removes one DN-Binary value; false when the user does not have it.</summary>
    public Task<bool> RemoveValueAsync(string userDn, string dnBinaryValue, CancellationToken cancellationToken = default) =>
        ModifyAsync(userDn, DirectoryAttributeOperation.Delete, dnBinaryValue, ResultCode.NoSuchAttribute, cancellationToken);

    /// <summary>The user's current values.</summary>
    public async Task<IReadOnlyList<string>> ReadValuesAsync(string userDn, CancellationToken cancellationToken = default)
    {
        var response = await _session.SendAsync<SearchResponse>(
            new SearchRequest(userDn, "(objectClass=*)", SearchScope.Base, LdapAttributes.KeyCredentialLink), cancellationToken);
        return response.Entries.Count == 0 ? [] : LdapAttributes.Strings(response.Entries[0], LdapAttributes.KeyCredentialLink);
    }

    public void Dispose() => _session.Dispose();

    private async Task<bool> ModifyAsync(
        string userDn, DirectoryAttributeOperation operation, string value, ResultCode nothingToDo, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userDn);
        ArgumentException.ThrowIfNullOrEmpty(value);
        try
        {
            await _session.SendAsync<ModifyResponse>(
                new ModifyRequest(userDn, operation, LdapAttributes.KeyCredentialLink, value), cancellationToken);
            return true;
        }
        catch (DirectoryAccessException e) when (e.ResultCode == nothingToDo)
        {
            return false;
        }
    }
}
