using FsCheck;
using FsCheck.Xunit;
using Whfb.Directory.KeyCredentials;

namespace Whfb.Directory.Tests.KeyCredentials;

public class KeyCredentialPropertyTests
{
    private static readonly byte[] Valid = KeyCredentialBuilder.Build(
        TestKeys.EntraSpec(Guid.Parse("0f9e6a43-3c5d-4a8e-b2f1-7d6c5b4a3928"), new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero)));

    private static readonly string ValidText = DnBinary.Format(Valid, "CN=Carol,OU=Users,DC=whfb,DC=test");

    [Property(MaxTest = 300)]
    public bool Random_valid_keys_round_trip_byte_identically(
        NonNull<byte[]> material, byte usage, bool azure, Guid device, bool withDevice, uint createdSeconds, uint lastLogonSeconds, byte shape)
    {
        var created = DateTimeOffset.UnixEpoch.AddSeconds(createdSeconds).AddTicks(createdSeconds % 10_000_000);
        var spec = new KeyCredentialSpec
        {
            KeyMaterial = material.Get,
            Usage = (KeyUsage)usage,
            Source = azure ? KeySource.AzureAD : KeySource.AD,
            DeviceId = withDevice ? device : null,
            CreationTime = created,
            LastLogonTime = shape % 2 == 0 ? DateTimeOffset.UnixEpoch.AddSeconds(lastLogonSeconds) : null,
            CustomKeyInformation = CustomKeyInformationOf(shape, device),
        };

        var blob = KeyCredentialBuilder.Build(spec);
        var key = KeyCredentialDecoder.Decode(blob);

        return key.KeyIdValid && key.KeyHashValid
            && key.Usage == spec.Usage && key.Source == spec.Source && key.DeviceId == spec.DeviceId
            && key.CreationTime == created && key.LastLogonTime == spec.LastLogonTime
            && key.CustomKeyInformation?.Shape == spec.CustomKeyInformation?.Shape
            && key.KeyMaterial.Span.SequenceEqual(material.Get)
            && KeyCredentialEncoder.Encode(key).AsSpan().SequenceEqual(blob);
    }

    [Property(MaxTest = 2000)]
    public void Random_bytes_never_throw_anything_but_the_typed_error(NonNull<byte[]> bytes, byte version)
    {
        AssertDecodesOrTypedError(bytes.Get);

        // Give the random tail a valid version so the entry parser is exercised too.
        byte[] versioned = [0x00, (byte)(version % 3), 0x00, 0x00, .. bytes.Get];
        AssertDecodesOrTypedError(versioned);
    }

    [Property(MaxTest = 2000)]
    public void Mutations_of_a_valid_blob_never_throw_anything_but_the_typed_error(
        NonNull<int[]> positions, NonNull<byte[]> values, int cut, NonNull<byte[]> inserted)
    {
        var blob = Mutate(Valid, positions.Get, values.Get, cut, inserted.Get);

        AssertDecodesOrTypedError(blob);
    }

    [Property(MaxTest = 2000)]
    public void Mutations_of_dn_binary_text_never_throw_anything_but_the_typed_error(
        NonNull<int[]> positions, NonNull<char[]> values, int cut)
    {
        var chars = ValidText.ToCharArray();
        for (var i = 0; i < positions.Get.Length && values.Get.Length > 0; i++)
        {
            chars[(int)((uint)positions.Get[i] % chars.Length)] = values.Get[i % values.Get.Length];
        }

        var text = new string(chars, 0, (int)((uint)cut % (chars.Length + 1)));
        try
        {
            KeyCredentialDecoder.DecodeDnBinary(text);
        }
        catch (KeyCredentialFormatException ex)
        {
            Assert.InRange(ex.Offset, 0, Math.Max(text.Length, Valid.Length));
        }
    }

    [Property(MaxTest = 2000)]
    public bool Key_material_inspection_never_throws(NonNull<byte[]> bytes, bool der, bool bcrypt)
    {
        byte[] material = der ? [0x30, .. bytes.Get] : bcrypt ? [0x52, 0x53, 0x41, 0x31, .. bytes.Get] : bytes.Get;
        var info = KeyMaterialInspector.Inspect(material);
        return info.KeyType is "RSA" or "unknown";
    }

    [Property(MaxTest = 500)]
    public bool Mutated_der_public_keys_never_throw(NonNull<int[]> positions, NonNull<byte[]> values)
    {
        var der = TestKeys.Rsa.ExportSubjectPublicKeyInfo();
        for (var i = 0; i < positions.Get.Length && values.Get.Length > 0; i++)
        {
            der[(int)((uint)positions.Get[i] % der.Length)] = values.Get[i % values.Get.Length];
        }

        return KeyMaterialInspector.Inspect(der).KeyType is "RSA" or "unknown";
    }

    private static void AssertDecodesOrTypedError(byte[] blob)
    {
        try
        {
            var key = KeyCredentialDecoder.Decode(blob);
            Assert.Equal(blob, KeyCredentialEncoder.Encode(key));
        }
        catch (KeyCredentialFormatException ex)
        {
            Assert.InRange(ex.Offset, 0, blob.Length);
        }
    }

    private static byte[] Mutate(byte[] source, int[] positions, byte[] values, int cut, byte[] inserted)
    {
        var blob = (byte[])source.Clone();
        for (var i = 0; i < positions.Length && values.Length > 0; i++)
        {
            blob[(int)((uint)positions[i] % blob.Length)] = values[i % values.Length];
        }

        var at = (int)((uint)cut % (blob.Length + 1));
        return cut % 2 == 0 ? blob[..at] : [.. blob[..at], .. inserted, .. blob[at..]];
    }

    private static CustomKeyInformation? CustomKeyInformationOf(byte shape, Guid seed) => (shape % 5) switch
    {
        0 => null,
        1 => CustomKeyInformation.CreateShort((KeyCredentialFlags)(shape & 3)),
        2 => CustomKeyInformation.CreateLong(KeyCredentialFlags.MfaNotUsed, KeyVolumeType.OperatingSystem, true),
        3 => CustomKeyInformation.CreateLong(KeyCredentialFlags.None, reservedLength: 9),
        _ => CustomKeyInformation.Parse(seed.ToByteArray().AsMemory(0, 3 + (shape % 11))),
    };
}
