using Whfb.Directory.KeyCredentials;

namespace Whfb.Directory.Tests.KeyCredentials;

public class CustomKeyInformationTests
{
    [Fact]
    public void Short_form_has_version_and_flags_only()
    {
        var info = CustomKeyInformation.Parse(new byte[] { 0x01, 0x03 });

        Assert.Equal(CustomKeyInformationShape.Short, info.Shape);
        Assert.Equal(KeyCredentialFlags.Attestation | KeyCredentialFlags.MfaNotUsed, info.Flags);
        Assert.Null(info.VolumeType);
        Assert.Null(info.KeyStrength);
    }

    [Fact]
    public void Long_form_has_every_field_and_10_reserved_bytes()
    {
        byte[] raw = [0x01, 0x02, 0x02, 0x01, 0x01, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

        var info = CustomKeyInformation.Parse(raw);

        Assert.Equal(CustomKeyInformationShape.Long, info.Shape);
        Assert.Equal(KeyCredentialFlags.MfaNotUsed, info.Flags);
        Assert.Equal(KeyVolumeType.FixedData, info.VolumeType);
        Assert.True(info.SupportsNotification);
        Assert.Equal((byte)1, info.FekKeyVersion);
        Assert.Equal(KeyStrength.Weak, info.KeyStrength);
        Assert.Equal(10, info.Reserved.Length);
        Assert.Equal(raw, info.ToBytes());
    }

    [Fact]
    public void Entra_form_has_9_reserved_bytes()
    {
        byte[] raw = [0x01, 0x00, 0x00, 0x00, 0x01, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0];

        var info = CustomKeyInformation.Parse(raw);

        Assert.Equal(CustomKeyInformationShape.LongNineReserved, info.Shape);
        Assert.Equal(KeyStrength.Normal, info.KeyStrength);
        Assert.Equal(9, info.Reserved.Length);
        Assert.Equal(raw, info.ToBytes());
        Assert.Equal(raw, CustomKeyInformation.CreateLong(KeyCredentialFlags.None, reservedLength: 9).ToBytes());
    }

    [Fact]
    public void Extended_form_keeps_well_formed_EncodedExtendedCKI_entries()
    {
        byte[] raw = [0x01, 0x01, 0x03, 0x01, 0x01, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00, 0x02, 0x0D, 0x0A, 0x00, 0x03, 1, 2, 3];

        var info = CustomKeyInformation.Parse(raw);

        Assert.Equal(CustomKeyInformationShape.Extended, info.Shape);
        Assert.Equal(KeyVolumeType.RemovableData, info.VolumeType);
        Assert.Equal(raw[16..], info.ExtendedInformation.ToArray());
        Assert.Equal(raw, info.ToBytes());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(14)]
    [InlineData(17)]
    public void Other_lengths_are_kept_raw_and_flagged(int length)
    {
        var raw = Enumerable.Range(1, length).Select(i => (byte)i).ToArray();

        var info = CustomKeyInformation.Parse(raw);

        Assert.True(info.IsUnrecognized);
        Assert.Equal(raw, info.Raw.ToArray());
        Assert.Equal(raw, info.ToBytes());
    }

    [Fact]
    public void Unrecognized_shape_inside_a_blob_is_not_an_error()
    {
        var spec = new KeyCredentialSpec
        {
            KeyMaterial = new byte[] { 1, 2 },
            CustomKeyInformation = CustomKeyInformation.Parse(new byte[] { 1, 0, 7 }),
        };

        var key = KeyCredentialDecoder.Decode(KeyCredentialBuilder.Build(spec));

        Assert.True(key.CustomKeyInformation!.IsUnrecognized);
        Assert.True(key.KeyHashValid);
    }
}
