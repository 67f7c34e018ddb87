namespace Whfb.Directory.KeyCredentials;

/// <summary>
/// Decodes msDS-KeyCredentialLink values. The only exception thrown for bad input is
/// <see cref="KeyCredentialFormatException"/>; the Try methods throw nothing for bad input.
/// Results slice the input memory: do not mutate the buffer while the result is in use.
/// </summary>
public static class KeyCredentialDecoder
{
    public static KeyCredential Decode(ReadOnlyMemory<byte> blob, string? ownerDn = null) =>
        TryDecode(blob, out var result, out var error, ownerDn) ? result : throw error.ToException();

    public static bool TryDecode(
        ReadOnlyMemory<byte> blob,
        [NotNullWhen(true)] out KeyCredential? result,
        [NotNullWhen(false)] out KeyCredentialFormatError? error,
        string? ownerDn = null)
    {
        error = KeyCredentialFields.Interpret(blob, ownerDn, out result);
        return error is null;
    }

    /// <summary>Decodes a DN-Binary value (<c>B:&lt;n&gt;:&lt;HEX&gt;:&lt;owner DN&gt;</c>).</summary>
    public static KeyCredential DecodeDnBinary(string text) =>
        TryDecodeDnBinary(text, out var result, out var error) ? result : throw error.ToException();

    public static bool TryDecodeDnBinary(
        string? text,
        [NotNullWhen(true)] out KeyCredential? result,
        [NotNullWhen(false)] out KeyCredentialFormatError? error)
    {
        result = null;
        return DnBinary.TryParse(text, out var value, out error)
            && TryDecode(value.Binary, out result, out error, value.OwnerDn);
    }
}
