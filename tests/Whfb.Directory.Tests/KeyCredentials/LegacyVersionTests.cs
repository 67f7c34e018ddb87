using System.Buffers.Binary;
using System.Text;
using Whfb.Directory.KeyCredentials;

namespace Whfb.Directory.Tests.KeyCredentials;

public class LegacyVersionTests
{
    private static readonly byte[] Material = [0x30, 0x03, 0x02, 0x01, 0x05];
    private static readonly DateTime Created = new(2016, 10, 1, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Version_0_entries_are_padded_to_4_bytes_and_KeyId_is_hex()
    {
        var blob = Blob(0x0000, pad: true, Created.Ticks);

        var key = KeyCredentialDecoder.Decode(blob);

        Assert.Equal(KeyCredentialVersion.Version0, key.Version);
        Assert.Equal(Convert.ToHexString(KeyCredentialIntegrity.ComputeKeyId(Material)), key.KeyId);
        Assert.True(key.KeyIdValid);
        Assert.Equal("NGC", key.LegacyUsage);
        Assert.Null(key.Usage);
        Assert.Equal(Material, key.KeyMaterial.ToArray());
        Assert.Equal(KeyTimeEncoding.DateTimeTicks, key.TimeEncoding);
        Assert.Equal(new DateTimeOffset(Created), key.CreationTime);
        Assert.Equal(3, key.Entries[1].Padding!.Value.Length);
        Assert.Equal(blob, KeyCredentialEncoder.Encode(key));
    }

    [Fact]
    public void Version_1_has_no_padding_and_binary_times()
    {
        var blob = Blob(0x0100, pad: false, Created.ToBinary());

        var key = KeyCredentialDecoder.Decode(blob);

        Assert.Equal(KeyCredentialVersion.Version1, key.Version);
        Assert.Equal(Convert.ToHexString(KeyCredentialIntegrity.ComputeKeyId(Material)), key.KeyId);
        Assert.Equal("NGC", key.LegacyUsage);
        Assert.Equal(KeyTimeEncoding.DateTimeBinary, key.TimeEncoding);
        Assert.Equal(new DateTimeOffset(Created), key.CreationTime);
        Assert.False(key.KeyHashValid);
        Assert.Equal(blob, KeyCredentialEncoder.Encode(key));
    }

    [Fact]
    public void Version_0_last_entry_without_padding_still_decodes()
    {
        var blob = Blob(0x0000, pad: true, Created.Ticks);
        var trimmed = blob.AsSpan(0, blob.Length).ToArray();

        // KeyCreationTime is 8 bytes (already aligned): append an odd-length unknown entry with no padding.
        byte[] tail = [0x01, 0x00, 0x7F, 0xEE];
        var withTail = trimmed.Concat(tail).ToArray();

        var key = KeyCredentialDecoder.Decode(withTail);

        Assert.Equal(new byte[] { 0x7F }, key.UnknownEntryIds);
        Assert.Equal(withTail, KeyCredentialEncoder.Encode(key));
    }

    [Fact]
    public void Version_2_legacy_string_usage_is_kept()
    {
        var spec = new KeyCredentialSpec { KeyMaterial = Material, LegacyUsage = "FIDO" };

        var key = KeyCredentialDecoder.Decode(KeyCredentialBuilder.Build(spec));

        Assert.Equal("FIDO", key.LegacyUsage);
        Assert.Null(key.Usage);
        Assert.True(key.KeyIdValid);
        Assert.True(key.KeyHashValid);
    }

    private static byte[] Blob(uint version, bool pad, long created)
    {
        var bytes = new List<byte>();
        var header = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(header, version);
        bytes.AddRange(header);
        Add(bytes, 0x01, KeyCredentialIntegrity.ComputeKeyId(Material), pad);
        Add(bytes, 0x03, Material, pad);
        Add(bytes, 0x04, Encoding.UTF8.GetBytes("NGC"), pad);
        var time = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(time, created);
        Add(bytes, 0x09, time, pad);
        return [.. bytes];
    }

    private static void Add(List<byte> bytes, byte id, byte[] value, bool pad)
    {
        bytes.Add((byte)value.Length);
        bytes.Add((byte)(value.Length >> 8));
        bytes.Add(id);
        bytes.AddRange(value);
        if (pad)
        {
            bytes.AddRange(new byte[(4 - (value.Length % 4)) % 4]);
        }
    }
}
