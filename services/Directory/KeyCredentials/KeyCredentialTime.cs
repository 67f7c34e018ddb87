namespace Whfb.Directory.KeyCredentials;

/// <summary>Converts the 8-byte time entries according to blob version and key source.</summary>
public static class KeyCredentialTime
{
    private static readonly long MaxFileTime = DateTime.MaxValue.ToFileTimeUtc();

    /// <summary>Version 2 with source AD: FILETIME; with source AzureAD: DateTime.ToBinary; v1 binary; v0 ticks.</summary>
    public static KeyTimeEncoding EncodingFor(KeyCredentialVersion version, KeySource? source) => version switch
    {
        KeyCredentialVersion.Version0 => KeyTimeEncoding.DateTimeTicks,
        KeyCredentialVersion.Version1 => KeyTimeEncoding.DateTimeBinary,
        _ => source == KeySource.AzureAD ? KeyTimeEncoding.DateTimeBinary : KeyTimeEncoding.FileTime,
    };

    /// <summary>Decodes to UTC; null when the value is out of range for its encoding.</summary>
    public static DateTimeOffset? Decode(long raw, KeyTimeEncoding encoding)
    {
        switch (encoding)
        {
            case KeyTimeEncoding.FileTime:
                return raw >= 0 && raw <= MaxFileTime
                    ? new DateTimeOffset(DateTime.FromFileTimeUtc(raw), TimeSpan.Zero)
                    : null;
            case KeyTimeEncoding.DateTimeTicks:
                return raw >= 0 && raw <= DateTime.MaxValue.Ticks
                    ? new DateTimeOffset(raw, TimeSpan.Zero)
                    : null;
            default:
                return FromBinary(raw);
        }
    }

    /// <summary>Encodes a time the way <paramref name="encoding"/> expects (kind UTC for DateTime.ToBinary).</summary>
    public static long Encode(DateTimeOffset time, KeyTimeEncoding encoding) => encoding switch
    {
        KeyTimeEncoding.FileTime => time.UtcDateTime.ToFileTimeUtc(),
        KeyTimeEncoding.DateTimeTicks => time.UtcTicks,
        _ => time.UtcDateTime.ToBinary(),
    };

    private static DateTimeOffset? FromBinary(long raw)
    {
        try
        {
            var value = DateTime.FromBinary(raw);
            return value.Kind switch
            {
                DateTimeKind.Local => new DateTimeOffset(value).ToUniversalTime(),
                _ => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)),
            };
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
