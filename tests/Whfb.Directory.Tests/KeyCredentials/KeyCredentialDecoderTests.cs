using System.Buffers.Binary;
using Whfb.Directory.KeyCredentials;

namespace Whfb.Directory.Tests.KeyCredentials;

public class KeyCredentialDecoderTests
{
    private const string Owner = "CN=Bob,OU=Users,DC=whfb,DC=test";
    private static readonly Guid Device = Guid.Parse("6b4bd8b2-5f1e-4d6a-9c3e-0a1b2c3d4e5f");
    private static readonly DateTimeOffset Created = new(2025, 3, 14, 9, 26, 53, 589, TimeSpan.Zero);

    [Fact]
    public void Entra_connect_key_decodes_every_field()
    {
        var text = KeyCredentialBuilder.BuildDnBinary(TestKeys.EntraSpec(Device, Created), Owner);

        var key = KeyCredentialDecoder.DecodeDnBinary(text);

        Assert.Equal(KeyCredentialVersion.Version2, key.Version);
        Assert.Equal(Convert.ToBase64String(KeyCredentialIntegrity.ComputeKeyId(TestKeys.NgcKey())), key.KeyId);
        Assert.True(key.KeyIdValid);
        Assert.True(key.KeyHashValid);
        Assert.Equal(KeyUsage.Ngc, key.Usage);
        Assert.Equal(KeySource.AzureAD, key.Source);
        Assert.Equal(Device, key.DeviceId);
        Assert.Equal(KeyTimeEncoding.DateTimeBinary, key.TimeEncoding);
        Assert.Equal(Created, key.CreationTime);
        Assert.Null(key.LastLogonTime);
        Assert.Equal(CustomKeyInformationShape.LongNineReserved, key.CustomKeyInformation!.Shape);
        Assert.Equal(KeyCredentialFlags.None, key.Flags);
        Assert.Equal(KeyStrength.Normal, key.KeyStrength);
        Assert.Equal(Owner, key.OwnerDn);
        Assert.Equal("RSA", key.KeyType);
        Assert.Equal(2048, key.KeySizeBits);
        Assert.Empty(key.Warnings);
    }

    [Fact]
    public void Azure_ad_times_are_DateTime_ToBinary_with_kind_bits()
    {
        var blob = KeyCredentialBuilder.Build(TestKeys.EntraSpec(Device, Created));
        var key = KeyCredentialDecoder.Decode(blob);

        // Top two bits carry DateTimeKind.Utc (01): a FILETIME reading would be garbage.
        Assert.Equal(Created.UtcDateTime.ToBinary(), key.CreationTimeRaw);
        Assert.Equal(1, (int)((ulong)key.CreationTimeRaw!.Value >> 62));
    }

    [Fact]
    public void Ad_sourced_version_2_times_are_FILETIME()
    {
        var lastLogon = Created.AddDays(30);
        var spec = new KeyCredentialSpec
        {
            KeyMaterial = TestKeys.NgcKey(),
            Source = KeySource.AD,
            CreationTime = Created,
            LastLogonTime = lastLogon,
            CustomKeyInformation = CustomKeyInformation.CreateShort(KeyCredentialFlags.MfaNotUsed),
        };

        var key = KeyCredentialDecoder.Decode(KeyCredentialBuilder.Build(spec));

        Assert.Equal(KeyTimeEncoding.FileTime, key.TimeEncoding);
        Assert.Equal(Created.ToFileTime(), key.CreationTimeRaw);
        Assert.Equal(Created, key.CreationTime);
        Assert.Equal(lastLogon, key.LastLogonTime);
        Assert.Equal(KeyCredentialFlags.MfaNotUsed, key.Flags);
        Assert.Null(key.KeyStrength);
    }

    [Fact]
    public void Local_kind_binary_time_is_reported_in_utc()
    {
        var local = new DateTime(2024, 6, 1, 12, 0, 0, DateTimeKind.Local);
        var blob = KeyCredentialBuilder.Build(TestKeys.EntraSpec(Device, Created));
        BinaryPrimitives.WriteInt64LittleEndian(blob.AsSpan(blob.Length - 8), local.ToBinary());

        var key = KeyCredentialDecoder.Decode(blob);

        Assert.Equal(new DateTimeOffset(local).ToUniversalTime(), key.CreationTime);
        Assert.Equal(TimeSpan.Zero, key.CreationTime!.Value.Offset);
        Assert.False(key.KeyHashValid);
    }

    [Fact]
    public void Tampered_key_material_clears_KeyIdValid_and_KeyHashValid()
    {
        var blob = KeyCredentialBuilder.Build(TestKeys.EntraSpec(Device, Created));
        blob[4 + 35 + 35 + 3 + 100] ^= 0xFF;

        var key = KeyCredentialDecoder.Decode(blob);

        Assert.False(key.KeyIdValid);
        Assert.False(key.KeyHashValid);
    }

    [Fact]
    public void Tampered_trailing_entry_clears_only_KeyHashValid()
    {
        var blob = KeyCredentialBuilder.Build(TestKeys.EntraSpec(Device, Created));
        blob[^1] ^= 0x01;

        var key = KeyCredentialDecoder.Decode(blob);

        Assert.True(key.KeyIdValid);
        Assert.False(key.KeyHashValid);
    }

    [Fact]
    public void Unknown_entries_are_skipped_and_reported()
    {
        var spec = TestKeys.EntraSpec(Device, Created) with
        {
            AdditionalEntries = [new KeyCredentialEntry(0x2A, new byte[] { 1, 2, 3 })],
        };

        var key = KeyCredentialDecoder.Decode(KeyCredentialBuilder.Build(spec));

        Assert.Equal(new byte[] { 0x2A }, key.UnknownEntryIds);
        Assert.Contains(key.Warnings, w => w.Contains("0x2A", StringComparison.Ordinal));
        Assert.True(key.KeyHashValid);
        Assert.Equal(Device, key.DeviceId);
    }

    [Fact]
    public void Decode_then_encode_is_byte_identical()
    {
        var blob = KeyCredentialBuilder.Build(TestKeys.EntraSpec(Device, Created));

        Assert.Equal(blob, KeyCredentialEncoder.Encode(KeyCredentialDecoder.Decode(blob)));
    }

    [Fact]
    public void Out_of_range_time_is_null_with_a_warning()
    {
        var blob = KeyCredentialBuilder.Build(new KeyCredentialSpec { KeyMaterial = new byte[] { 1 }, CreationTime = Created });
        BinaryPrimitives.WriteInt64LittleEndian(blob.AsSpan(blob.Length - 8), -5);

        var key = KeyCredentialDecoder.Decode(blob);

        Assert.Null(key.CreationTime);
        Assert.Equal(-5, key.CreationTimeRaw);
        Assert.Contains(key.Warnings, w => w.Contains("KeyCreationTime", StringComparison.Ordinal));
        Assert.Equal("unknown", key.KeyType);
    }
}
