namespace Whfb.Directory.Ldap.Inspection;

/// <summary>
/// One access-allowed or access-denied ACE of an object's DACL (MS-DTYP 2.4.4), plain or object-specific: for whom
/// (<see cref="Sid"/>), which rights (<see cref="Mask"/>), and for object ACEs the property, property set or right it
/// is limited to (<see cref="ObjectType"/>; null = every property).
/// </summary>
public sealed record AccessControlEntry(bool Deny, string Sid, uint Mask, Guid? ObjectType, bool InheritOnly, bool Inherited)
{
    public const uint ReadProperty = 0x10;
    public const uint ControlAccess = 0x100;
    public const uint GenericAll = 0x10000000;
    public const uint GenericRead = 0x80000000;

    /// <summary>True when the ACE's rights include <paramref name="right"/> (generic rights as AD maps them).</summary>
    public bool Covers(uint right) =>
        (Mask & right) != 0 || (Mask & GenericAll) != 0 || (right == ReadProperty && (Mask & GenericRead) != 0);

    public override string ToString() =>
        $"{(Deny ? "deny" : "allow")} 0x{Mask:x} {(ObjectType is { } type ? $"on {type} " : "")}to {Sid}{(Inherited ? " (inherited)" : " (explicit)")}";
}

/// <summary>An object's DACL in order; <see cref="Present"/> false is a NULL DACL, which grants everyone everything.</summary>
public sealed record DiscretionaryAcl(bool Present, IReadOnlyList<AccessControlEntry> Entries);
