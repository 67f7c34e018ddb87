namespace Whfb.Directory.Ldap.Inspection;

/// <summary>Whether a token may read an attribute of one object, and the ACE that decided it (null: no ACE grants it).</summary>
public sealed record ReadAccessVerdict(bool Readable, AccessControlEntry? DecidingEntry, uint Right);

/// <summary>
/// The directory's access check (MS-DTYP 2.5.3.2, with the object type list object → property set → attribute) for reading
/// one attribute: for each right needed, ReadProperty and, on a confidential attribute, ControlAccess, the first ACE in
/// DACL order that names a SID of the token, carries the right and applies to the whole object, the attribute's property
/// set or the attribute itself decides; a deny found first wins over any later allow, and without any ACE the right is
/// not granted. This is how a deny-read ACE hides an attribute from an account: the attribute is simply left out of the
/// answer, exactly as if the user had no value, so only the descriptor tells the two apart.
/// </summary>
public static class ReadAccessEvaluator
{
    public static ReadAccessVerdict Evaluate(DiscretionaryAcl dacl, IReadOnlySet<string> token, AttributeSchema attribute)
    {
        ArgumentNullException.ThrowIfNull(dacl);
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(attribute);
        if (!dacl.Present)
        {
            return new ReadAccessVerdict(true, null, AccessControlEntry.ReadProperty);
        }

        var verdict = Decide(dacl, token, attribute, AccessControlEntry.ReadProperty);
        return verdict.Readable && attribute.Confidential ? Decide(dacl, token, attribute, AccessControlEntry.ControlAccess) : verdict;
    }

    private static ReadAccessVerdict Decide(DiscretionaryAcl dacl, IReadOnlySet<string> token, AttributeSchema attribute, uint right)
    {
        foreach (var entry in dacl.Entries)
        {
            if (!entry.InheritOnly && entry.Covers(right) && token.Contains(entry.Sid) && AppliesTo(entry, attribute))
            {
                return new ReadAccessVerdict(!entry.Deny, entry, right);
            }
        }

        return new ReadAccessVerdict(false, null, right);
    }

    private static bool AppliesTo(AccessControlEntry entry, AttributeSchema attribute) =>
        entry.ObjectType is not { } type || type == attribute.SchemaIdGuid || type == attribute.PropertySetGuid;
}
