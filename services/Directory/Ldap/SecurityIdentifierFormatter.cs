using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Whfb.Directory.Ldap;

/// <summary>Binary SID to S-1-5-21-... text (portable: no Windows-only APIs).</summary>
public static class SecurityIdentifierFormatter
{
    private const int HeaderSize = 8;

    /// <summary>Null when the bytes are not a well-formed SID.</summary>
    public static string? Format(ReadOnlySpan<byte> sid)
    {
        if (sid.Length < HeaderSize || sid[0] != 1)
        {
            return null;
        }

        int count = sid[1];
        if (sid.Length != HeaderSize + (count * 4))
        {
            return null;
        }

        ulong authority = 0;
        foreach (var b in sid[2..HeaderSize])
        {
            authority = (authority << 8) | b;
        }

        var text = new StringBuilder("S-1-", 16 + (count * 11));
        text.Append(authority.ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < count; i++)
        {
            var sub = BinaryPrimitives.ReadUInt32LittleEndian(sid[(HeaderSize + (i * 4))..]);
            text.Append('-').Append(sub.ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
