using System.DirectoryServices.Protocols;
using System.Globalization;

namespace Whfb.Directory.Ldap.Inspection;

/// <summary>
/// What a DC's rootDSE tells about itself and the bound identity: its clock (<c>currentTime</c>), naming contexts, and
/// the SIDs of the connection's token (<c>tokenGroups</c>: on AD and Samba the account's own SID, its groups and the
/// well-known ones such as Authenticated Users). Read after the bind, so the token is the bind account's.
/// </summary>
public sealed record RootDse(DateTimeOffset? CurrentTime, string? DefaultNamingContext, string? SchemaNamingContext, IReadOnlyList<string> TokenGroups)
{
    internal static readonly string[] Attributes = ["currentTime", "defaultNamingContext", "schemaNamingContext", "tokenGroups"];

    internal static RootDse From(SearchResultEntry entry)
    {
        var tokenGroups = entry.Attributes.Contains("tokenGroups")
            ? entry.Attributes["tokenGroups"].GetValues(typeof(byte[])).Cast<byte[]>()
                .Select(sid => SecurityIdentifierFormatter.Format(sid)).OfType<string>().ToArray()
            : [];
        return new RootDse(
            ParseGeneralizedTime(LdapAttributes.String(entry, "currentTime")),
            LdapAttributes.String(entry, "defaultNamingContext"),
            LdapAttributes.String(entry, "schemaNamingContext"),
            tokenGroups);
    }

    /// <summary>LDAP GeneralizedTime as AD writes it (<c>20261207214601.0Z</c>); null when absent or unreadable.</summary>
    public static DateTimeOffset? ParseGeneralizedTime(string? text)
    {
        string[] formats = ["yyyyMMddHHmmss.fZ", "yyyyMMddHHmmss.fffZ", "yyyyMMddHHmmssZ", "yyyyMMddHHmmss.fffffffZ"];
        return text is not null && DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) ? time : null;
    }
}
