using System.Buffers.Binary;
using System.DirectoryServices.Protocols;
using Whfb.Directory.Ldap;

namespace Whfb.Testing.Directory;

/// <summary>
/// Puts an explicit "deny read property msDS-KeyCredentialLink" ACE at the head of one object's DACL, as the
/// administrator, the way a wrong delegation hides the attribute from a sync or scan account. The object's other ACEs
/// stay. Also compiled into Whfb.Directory.Tests.
/// </summary>
public static class DenyReadAcl
{
    public static readonly Guid KeyCredentialLinkSchemaId = Guid.Parse("5b47d60f-6090-40b2-9f37-2a4de88f3063");
    private const uint ReadProperty = 0x10;
    private const string Descriptor = "nTSecurityDescriptor";

    /// <summary>Denies the administrator's own bind account.</summary>
    public static void Apply(string objectDn)
    {
        using var connection = LdapConnections.OpenBound(LocalDirectory.Options());
        Apply(connection, objectDn, Read(connection, LocalDirectory.BindDn, "objectSid"));
    }

    /// <summary>Denies the account or group with this binary SID.</summary>
    public static void Apply(string objectDn, byte[] trusteeSid)
    {
        using var connection = LdapConnections.OpenBound(LocalDirectory.Options());
        Apply(connection, objectDn, trusteeSid);
    }

    /// <summary>The binary objectSid of the object at <paramref name="dn"/> (read as the administrator).</summary>
    public static byte[] SidOf(string dn)
    {
        using var connection = LdapConnections.OpenBound(LocalDirectory.Options());
        return Read(connection, dn, "objectSid");
    }

    private static void Apply(LdapConnection connection, string objectDn, byte[] sid)
    {
        var flags = new SecurityDescriptorFlagControl(SecurityMasks.Dacl);
        var modify = new ModifyRequest(objectDn, DirectoryAttributeOperation.Replace, Descriptor, WithDeny(Read(connection, objectDn, Descriptor, flags), sid));
        modify.Controls.Add(flags);
        connection.SendRequest(modify);
    }

    private static byte[] Read(LdapConnection connection, string dn, string attribute, DirectoryControl? control = null)
    {
        var search = new SearchRequest(dn, "(objectClass=*)", SearchScope.Base, attribute);
        if (control is not null)
        {
            search.Controls.Add(control);
        }

        return (byte[])((SearchResponse)connection.SendRequest(search)).Entries[0].Attributes[attribute][0];
    }

    /// <summary>A self-relative descriptor holding only the object's DACL with the deny ACE put first.</summary>
    private static byte[] WithDeny(byte[] descriptor, byte[] sid)
    {
        var aclOffset = (int)BinaryPrimitives.ReadUInt32LittleEndian(descriptor.AsSpan(16));
        var acl = descriptor.AsSpan(aclOffset, BinaryPrimitives.ReadUInt16LittleEndian(descriptor.AsSpan(aclOffset + 2))).ToArray();
        var ace = new byte[4 + 4 + 4 + 16 + sid.Length];
        ace[0] = 6;
        BinaryPrimitives.WriteUInt16LittleEndian(ace.AsSpan(2), (ushort)ace.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(ace.AsSpan(4), ReadProperty);
        BinaryPrimitives.WriteUInt32LittleEndian(ace.AsSpan(8), 1);
        KeyCredentialLinkSchemaId.TryWriteBytes(ace.AsSpan(12));
        sid.CopyTo(ace, 28);
        byte[] result = [.. new byte[20], .. acl[..8], .. ace, .. acl[8..]];
        result[0] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(result.AsSpan(2), 0x8004);
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(16), 20);
        BinaryPrimitives.WriteUInt16LittleEndian(result.AsSpan(22), (ushort)(acl.Length + ace.Length));
        BinaryPrimitives.WriteUInt16LittleEndian(result.AsSpan(24), (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(acl.AsSpan(4)) + 1));
        return result;
    }
}
