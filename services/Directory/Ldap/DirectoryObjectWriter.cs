using System.DirectoryServices.Protocols;

namespace Whfb.Directory.Ldap;

/// <summary>Creates and removes the objects that seeding and tests need: OUs, users, adminCount.</summary>
public sealed class DirectoryObjectWriter : IDisposable
{
    private const string TreeDeleteOid = "1.2.840.113556.1.4.805";
    private readonly LdapSession _session;

    public DirectoryObjectWriter(LdapDirectoryOptions options) => _session = LdapSession.For(options);

    public Task CreateOrganizationalUnitAsync(string dn, CancellationToken cancellationToken = default) =>
        _session.SendAsync<AddResponse>(new AddRequest(dn, "organizationalUnit"), cancellationToken);

    /// <summary>Creates a (disabled, password-less) user and reads back its objectGUID and objectSid.</summary>
    public async Task<DirectoryUser> CreateUserAsync(
        string parentDn, string name, string? userPrincipalName = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(parentDn);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var dn = $"CN={name},{parentDn}";
        var add = new AddRequest(dn, "user");
        add.Attributes.Add(new DirectoryAttribute("sAMAccountName", name));
        if (userPrincipalName is not null)
        {
            add.Attributes.Add(new DirectoryAttribute("userPrincipalName", userPrincipalName));
        }

        await _session.SendAsync<AddResponse>(add, cancellationToken);
        return await ReadUserAsync(dn, cancellationToken) ?? throw new DirectoryAccessException($"{dn} not readable after adding it");
    }

    /// <summary>An existing user's objectGUID, objectSid and UPN; null when there is no such object.</summary>
    public async Task<DirectoryUser?> ReadUserAsync(string dn, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(dn);
        var entry = await BaseEntry.ReadAsync(
            _session, dn, "(objectClass=*)", [LdapAttributes.ObjectGuid, LdapAttributes.ObjectSid, LdapAttributes.UserPrincipalName], cancellationToken);
        if (entry is null)
        {
            return null;
        }

        var sid = LdapAttributes.Bytes(entry, LdapAttributes.ObjectSid);
        return new DirectoryUser(
            dn,
            LdapAttributes.Guid(entry, LdapAttributes.ObjectGuid) ?? throw new DirectoryAccessException($"No objectGUID readable on {dn}"),
            sid is null ? null : SecurityIdentifierFormatter.Format(sid),
            LdapAttributes.String(entry, LdapAttributes.UserPrincipalName));
    }

    /// <summary>Sets adminCount (1 = protected by AdminSDHolder), or clears it with null.</summary>
    public Task SetAdminCountAsync(string dn, int? adminCount, CancellationToken cancellationToken = default)
    {
        var modify = adminCount is { } value
            ? new ModifyRequest(dn, DirectoryAttributeOperation.Replace, LdapAttributes.AdminCount, value.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : new ModifyRequest(dn, DirectoryAttributeOperation.Replace, LdapAttributes.AdminCount);
        return _session.SendAsync<ModifyResponse>(modify, cancellationToken);
    }

    /// <summary>The user's adminCount (1 = protected by AdminSDHolder), null when not set.</summary>
    public async Task<int?> ReadAdminCountAsync(string dn, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(dn);
        var read = await _session.SendAsync<SearchResponse>(
            new SearchRequest(dn, "(objectClass=*)", SearchScope.Base, LdapAttributes.AdminCount), cancellationToken);
        return read.Entries.Count == 0 ? null : (int?)LdapAttributes.Long(read.Entries[0], LdapAttributes.AdminCount);
    }

    /// <summary>Deletes an object and everything under it (tree delete control); false when it does not exist.</summary>
    public async Task<bool> DeleteTreeAsync(string dn, CancellationToken cancellationToken = default)
    {
        var delete = new DeleteRequest(dn);
        delete.Controls.Add(new DirectoryControl(TreeDeleteOid, null, true, true));
        try
        {
            await _session.SendAsync<DeleteResponse>(delete, cancellationToken);
            return true;
        }
        catch (DirectoryAccessException e) when (e.ResultCode == ResultCode.NoSuchObject)
        {
            return false;
        }
    }

    public void Dispose() => _session.Dispose();
}
