using System.Buffers.Binary;
using System.DirectoryServices.Protocols;
using Whfb.Directory.Ldap;
using Whfb.Testing.Directory;

namespace Whfb.Directory.Tests.Ldap;

/// <summary>
/// Puts an explicit "deny read property msDS-KeyCredentialLink" ACE for the bind account on one object,
/// the way a missing or wrong delegation hides the attribute from a sync or scan account.
/// </summary>
internal static class DenyReadAcl
{
    private static readonly Guid KeyCredentialLinkSchemaId = Guid.Parse("5b47d60f-6090-40b2-9f37-2a4de88f3063");
    private const uint ReadProperty = 0x10;
    private const uint FullControl = 0x000F01FF;

    public static void Apply(string objectDn)
    {
        var options = LocalDirectory.Options();
        using var connection = LdapConnections.OpenBound(options);
        var self = (SearchResponse)connection.SendRequest(
            new SearchRequest(options.BindDn, "(objectClass=*)", SearchScope.Base, "objectSid"));
        var sid = (byte[])self.Entries[0].Attributes["objectSid"][0];
        var modify = new ModifyRequest(objectDn, DirectoryAttributeOperation.Replace, "nTSecurityDescriptor", Descriptor(sid));
        modify.Controls.Add(new SecurityDescriptorFlagControl(SecurityMasks.Dacl));
        connection.SendRequest(modify);
    }

    /// <summary>Self-relative SECURITY_DESCRIPTOR with only a DACL: deny RP on the attribute, then allow all.</summary>
    private static byte[] Descriptor(byte[] sid)
    {
        byte[] deny = [.. AceHeader(6, 4 + 4 + 4 + 16 + sid.Length), .. U32(ReadProperty), .. U32(1), .. KeyCredentialLinkSchemaId.ToByteArray(), .. sid];
        byte[] allow = [.. AceHeader(0, 4 + 4 + sid.Length), .. U32(FullControl), .. sid];
        byte[] acl = [4, 0, .. U16(8 + deny.Length + allow.Length), .. U16(2), 0, 0, .. deny, .. allow];
        return [1, 0, .. U16(0x8004), .. U32(0), .. U32(0), .. U32(0), .. U32(20), .. acl];
    }

    private static byte[] AceHeader(byte type, int size) => [type, 0, .. U16(size)];

    private static byte[] U16(int value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, (ushort)value);
        return bytes;
    }

    private static byte[] U32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return bytes;
    }
}
