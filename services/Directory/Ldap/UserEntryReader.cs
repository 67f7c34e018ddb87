using System.DirectoryServices.Protocols;

namespace Whfb.Directory.Ldap;

/// <summary>Turns a search entry into a <see cref="ScannedUser"/>, decoding each value on its own.</summary>
internal static class UserEntryReader
{
    public static ScannedUser Read(SearchResultEntry entry)
    {
        var sid = LdapAttributes.Bytes(entry, LdapAttributes.ObjectSid);
        return new ScannedUser
        {
            ObjectGuid = LdapAttributes.Guid(entry, LdapAttributes.ObjectGuid) ?? Guid.Empty,
            DistinguishedName = LdapAttributes.String(entry, LdapAttributes.DistinguishedName) ?? entry.DistinguishedName,
            ObjectSid = sid is null ? null : SecurityIdentifierFormatter.Format(sid),
            UserPrincipalName = LdapAttributes.String(entry, LdapAttributes.UserPrincipalName),
            UsnChanged = LdapAttributes.Long(entry, LdapAttributes.UsnChanged) ?? 0,
            AdminCount = (int?)LdapAttributes.Long(entry, LdapAttributes.AdminCount),
            Values = LdapAttributes.Strings(entry, LdapAttributes.KeyCredentialLink).Select(ScannedKeyValue.Decode).ToArray(),
        };
    }
}
