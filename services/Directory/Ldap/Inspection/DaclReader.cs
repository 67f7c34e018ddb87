using System.Buffers.Binary;

namespace Whfb.Directory.Ldap.Inspection;

/// <summary>
/// Reads the DACL of a self-relative SECURITY_DESCRIPTOR (MS-DTYP 2.4.6), as nTSecurityDescriptor holds it. Portable: the
/// .NET security descriptor classes are Windows-only. ACE types other than (object) allowed and denied, such as
/// conditional callback ACEs, are skipped: AD's own defaults and delegation wizards write none of them.
/// </summary>
public static class DaclReader
{
    private const ushort DaclPresent = 0x0004;
    private const byte InheritOnlyFlag = 0x08;
    private const byte InheritedFlag = 0x10;

    /// <summary>The DACL; throws <see cref="FormatException"/> on a truncated or malformed descriptor.</summary>
    public static DiscretionaryAcl Read(ReadOnlySpan<byte> descriptor)
    {
        if (descriptor.Length < 20 || descriptor[0] != 1)
        {
            throw new FormatException("Not a self-relative security descriptor.");
        }

        var control = BinaryPrimitives.ReadUInt16LittleEndian(descriptor[2..]);
        var offset = (int)BinaryPrimitives.ReadUInt32LittleEndian(descriptor[16..]);
        if ((control & DaclPresent) == 0 || offset == 0)
        {
            return new DiscretionaryAcl(false, []);
        }

        var acl = Slice(descriptor, offset, 8);
        var count = BinaryPrimitives.ReadUInt16LittleEndian(acl[4..]);
        acl = Slice(descriptor, offset, BinaryPrimitives.ReadUInt16LittleEndian(acl[2..]));
        var entries = new List<AccessControlEntry>(count);
        var position = 8;
        for (var i = 0; i < count; i++)
        {
            var header = Slice(acl, position, 4);
            var size = BinaryPrimitives.ReadUInt16LittleEndian(header[2..]);
            if (Entry(Slice(acl, position, size)) is { } entry)
            {
                entries.Add(entry);
            }

            position += size;
        }

        return new DiscretionaryAcl(true, entries);
    }

    private static AccessControlEntry? Entry(ReadOnlySpan<byte> ace)
    {
        var (type, flags) = (ace[0], ace[1]);
        var mask = BinaryPrimitives.ReadUInt32LittleEndian(Slice(ace, 4, 4));
        var deny = type is 1 or 6;
        if (type is 0 or 1)
        {
            return new AccessControlEntry(deny, Sid(ace[8..]), mask, null, (flags & InheritOnlyFlag) != 0, (flags & InheritedFlag) != 0);
        }

        if (type is not (5 or 6))
        {
            return null;
        }

        var objectFlags = BinaryPrimitives.ReadUInt32LittleEndian(Slice(ace, 8, 4));
        var position = 12;
        Guid? objectType = null;
        if ((objectFlags & 1) != 0)
        {
            objectType = new Guid(Slice(ace, position, 16));
            position += 16;
        }

        position += (objectFlags & 2) != 0 ? 16 : 0;
        return new AccessControlEntry(deny, Sid(ace[position..]), mask, objectType, (flags & InheritOnlyFlag) != 0, (flags & InheritedFlag) != 0);
    }

    private static string Sid(ReadOnlySpan<byte> bytes)
    {
        var length = bytes.Length >= 2 ? 8 + (bytes[1] * 4) : int.MaxValue;
        return (length <= bytes.Length ? SecurityIdentifierFormatter.Format(bytes[..length]) : null)
            ?? throw new FormatException("An ACE holds a malformed SID.");
    }

    private static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> bytes, int offset, int length) =>
        offset >= 0 && length >= 0 && offset + length <= bytes.Length
            ? bytes.Slice(offset, length)
            : throw new FormatException("The security descriptor is truncated.");
}
