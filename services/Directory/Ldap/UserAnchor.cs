using System.Text.RegularExpressions;

namespace Whfb.Directory.Ldap;

/// <summary>
/// How a caller knows an AD user without its DN: its objectGUID (Entra's onPremisesImmutableId) and/or its objectSid
/// (onPremisesSecurityIdentifier, S-1-5-… text). At least one is needed; a SID must be well formed (it becomes part of a DN).
/// </summary>
public sealed partial record UserAnchor
{
    public UserAnchor(Guid? objectGuid, string? sid)
    {
        if (objectGuid is null && sid is null)
        {
            throw new ArgumentException("An anchor needs an objectGUID or an objectSid");
        }

        if (sid is not null && !IsSid(sid))
        {
            throw new ArgumentException($"'{sid}' is not a SID (S-1-…)", nameof(sid));
        }

        ObjectGuid = objectGuid;
        Sid = sid;
    }

    public Guid? ObjectGuid { get; }

    public string? Sid { get; }

    /// <summary>True for S-1-&lt;authority&gt;-&lt;sub&gt;… text, the only SID form a <c>&lt;SID=…&gt;</c> DN takes here.</summary>
    public static bool IsSid(string text) => SidText().IsMatch(text);

    /// <summary>The base DNs that name the user: by objectGUID first, then by objectSid.</summary>
    internal IEnumerable<string> SearchBases()
    {
        if (ObjectGuid is { } guid)
        {
            yield return GuidBase(guid);
        }

        if (Sid is { } sid)
        {
            yield return $"<SID={sid}>";
        }
    }

    /// <summary>The DN that names an object by its objectGUID.</summary>
    private static string GuidBase(Guid objectGuid) => $"<GUID={objectGuid:D}>";

    [GeneratedRegex(@"^S-1-\d{1,15}(-\d{1,10}){1,15}$", RegexOptions.CultureInvariant)]
    private static partial Regex SidText();
}
