namespace Whfb.Directory.KeyCredentials;

/// <summary>CUSTOM_KEY_INFORMATION (MS-ADTS 2.2.20.4). Parsing never fails: odd lengths are kept raw.</summary>
public sealed record CustomKeyInformation
{
    private const int ShortLength = 2;
    private const int LongLength = 16;
    private const int FixedLongFields = 6;
    private const int StandardReserved = 10;
    private const int EntraReserved = 9;

    public CustomKeyInformationShape Shape { get; init; } = CustomKeyInformationShape.Short;

    public byte Version { get; init; } = 1;

    public KeyCredentialFlags Flags { get; init; }

    public KeyVolumeType? VolumeType { get; init; }

    public bool? SupportsNotification { get; init; }

    public byte? FekKeyVersion { get; init; }

    public KeyStrength? KeyStrength { get; init; }

    public ReadOnlyMemory<byte> Reserved { get; init; }

    /// <summary>The EncodedExtendedCKI entries (Extended shape), raw.</summary>
    public ReadOnlyMemory<byte> ExtendedInformation { get; init; }

    /// <summary>The whole value as found; for <see cref="CustomKeyInformationShape.Unrecognized"/> the only content.</summary>
    public ReadOnlyMemory<byte> Raw { get; init; }

    public bool IsUnrecognized => Shape == CustomKeyInformationShape.Unrecognized;

    public static CustomKeyInformation CreateShort(KeyCredentialFlags flags) =>
        new() { Flags = flags, Shape = CustomKeyInformationShape.Short };

    /// <summary>The long form; <paramref name="reservedLength"/> 10 per MS-ADTS, 9 as Entra writes it.</summary>
    public static CustomKeyInformation CreateLong(
        KeyCredentialFlags flags,
        KeyVolumeType volumeType = KeyVolumeType.None,
        bool supportsNotification = false,
        byte fekKeyVersion = 1,
        KeyStrength keyStrength = KeyCredentials.KeyStrength.Normal,
        int reservedLength = StandardReserved)
    {
        if (reservedLength is not (StandardReserved or EntraReserved))
        {
            throw new ArgumentOutOfRangeException(nameof(reservedLength), "Reserved length is 10 (MS-ADTS) or 9 (Entra)");
        }

        return new()
        {
            Shape = reservedLength == EntraReserved ? CustomKeyInformationShape.LongNineReserved : CustomKeyInformationShape.Long,
            Flags = flags,
            VolumeType = volumeType,
            SupportsNotification = supportsNotification,
            FekKeyVersion = fekKeyVersion,
            KeyStrength = keyStrength,
            Reserved = new byte[reservedLength],
        };
    }

    public static CustomKeyInformation Parse(ReadOnlyMemory<byte> value)
    {
        var span = value.Span;
        var shape = ShapeOf(span);
        if (shape is CustomKeyInformationShape.Unrecognized or CustomKeyInformationShape.Short)
        {
            return new()
            {
                Shape = shape,
                Version = span.Length > 0 ? span[0] : (byte)0,
                Flags = span.Length > 1 ? (KeyCredentialFlags)span[1] : KeyCredentialFlags.None,
                Raw = value,
            };
        }

        var reservedLength = shape == CustomKeyInformationShape.LongNineReserved ? EntraReserved : StandardReserved;
        return new()
        {
            Shape = shape,
            Version = span[0],
            Flags = (KeyCredentialFlags)span[1],
            VolumeType = (KeyVolumeType)span[2],
            SupportsNotification = span[3] != 0,
            FekKeyVersion = span[4],
            KeyStrength = (KeyStrength)span[5],
            Reserved = value.Slice(FixedLongFields, reservedLength),
            ExtendedInformation = value[(FixedLongFields + reservedLength)..],
            Raw = value,
        };
    }

    /// <summary>Serializes the fields (or <see cref="Raw"/> for an unrecognized shape).</summary>
    public byte[] ToBytes()
    {
        if (Shape == CustomKeyInformationShape.Unrecognized)
        {
            return Raw.ToArray();
        }

        if (Shape == CustomKeyInformationShape.Short)
        {
            return [Version, (byte)Flags];
        }

        var bytes = new byte[FixedLongFields + Reserved.Length + ExtendedInformation.Length];
        bytes[0] = Version;
        bytes[1] = (byte)Flags;
        bytes[2] = (byte)(VolumeType ?? KeyVolumeType.None);
        bytes[3] = SupportsNotification == true ? (byte)1 : (byte)0;
        bytes[4] = FekKeyVersion ?? 1;
        bytes[5] = (byte)(KeyStrength ?? KeyCredentials.KeyStrength.Unknown);
        Reserved.Span.CopyTo(bytes.AsSpan(FixedLongFields));
        ExtendedInformation.Span.CopyTo(bytes.AsSpan(FixedLongFields + Reserved.Length));
        return bytes;
    }

    private static CustomKeyInformationShape ShapeOf(ReadOnlySpan<byte> span) => span.Length switch
    {
        ShortLength => CustomKeyInformationShape.Short,
        FixedLongFields + EntraReserved => CustomKeyInformationShape.LongNineReserved,
        LongLength => CustomKeyInformationShape.Long,
        > LongLength when IsExtendedInformation(span[LongLength..]) => CustomKeyInformationShape.Extended,
        _ => CustomKeyInformationShape.Unrecognized,
    };

    /// <summary>EncodedExtendedCKI entries: version byte, size byte, data; they must fill the rest exactly.</summary>
    private static bool IsExtendedInformation(ReadOnlySpan<byte> rest)
    {
        while (rest.Length >= 2)
        {
            var size = rest[1];
            if (size > rest.Length - 2)
            {
                return false;
            }

            rest = rest[(2 + size)..];
        }

        return rest.IsEmpty;
    }
}
