using System.DirectoryServices.Protocols;
using System.Globalization;

namespace Whfb.Directory.Ldap;

/// <summary>Attribute names and typed reads from search entries.</summary>
internal static class LdapAttributes
{
    public const string KeyCredentialLink = "msDS-KeyCredentialLink";
    public const string ObjectGuid = "objectGUID";
    public const string ObjectSid = "objectSid";
    public const string UserPrincipalName = "userPrincipalName";
    public const string DistinguishedName = "distinguishedName";
    public const string UsnChanged = "uSNChanged";
    public const string AdminCount = "adminCount";

    public static readonly string[] UserScan =
        [ObjectGuid, ObjectSid, UserPrincipalName, DistinguishedName, KeyCredentialLink, UsnChanged, AdminCount];

    public static string[] Strings(SearchResultEntry entry, string name) =>
        entry.Attributes.Contains(name) ? (string[])entry.Attributes[name].GetValues(typeof(string)) : [];

    public static string? String(SearchResultEntry entry, string name) =>
        Strings(entry, name) is [var first, ..] ? first : null;

    public static byte[]? Bytes(SearchResultEntry entry, string name) =>
        entry.Attributes.Contains(name) && entry.Attributes[name].GetValues(typeof(byte[])) is [byte[] first, ..] ? first : null;

    public static long? Long(SearchResultEntry entry, string name) =>
        long.TryParse(String(entry, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static Guid? Guid(SearchResultEntry entry, string name) =>
        Bytes(entry, name) is { Length: 16 } bytes ? new System.Guid(bytes) : null;
}
