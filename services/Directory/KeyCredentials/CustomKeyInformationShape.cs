namespace Whfb.Directory.KeyCredentials;

/// <summary>Which representation of CUSTOM_KEY_INFORMATION a value has (told apart by its length only).</summary>
public enum CustomKeyInformationShape
{
    /// <summary>2 bytes: version and flags.</summary>
    Short,

    /// <summary>16 bytes: version, flags, volume type, supports-notification, FEK version, key strength, 10 reserved.</summary>
    Long,

    /// <summary>15 bytes: the long form with 9 reserved bytes, as Entra writes it.</summary>
    LongNineReserved,

    /// <summary>More than 16 bytes: the long form followed by well-formed EncodedExtendedCKI entries.</summary>
    Extended,

    /// <summary>Any other length: kept as raw bytes, not an error.</summary>
    Unrecognized,
}
