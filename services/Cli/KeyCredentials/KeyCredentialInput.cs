using System.Diagnostics.CodeAnalysis;
using Whfb.Directory.KeyCredentials;

namespace Whfb.Cli.KeyCredentials;

/// <summary>Recognizes the three spellings of a value: DN-Binary (<c>B:…</c>), hex of the blob, base64 of the blob.</summary>
public static class KeyCredentialInput
{
    public static bool TryRead(string input, [NotNullWhen(true)] out KeyCredential? credential, [NotNullWhen(false)] out KeyCredentialFormatError? error)
    {
        if (input.StartsWith("B:", StringComparison.OrdinalIgnoreCase))
        {
            return KeyCredentialDecoder.TryDecodeDnBinary(input, out credential, out error);
        }

        if (IsHex(input))
        {
            return KeyCredentialDecoder.TryDecode(Convert.FromHexString(input), out credential, out error);
        }

        var buffer = new byte[input.Length];
        if (Convert.TryFromBase64String(input, buffer, out var written))
        {
            return KeyCredentialDecoder.TryDecode(buffer.AsMemory(0, written), out credential, out error);
        }

        credential = null;
        error = new KeyCredentialFormatError(FormatErrorLocation.Text, 0, "Not a DN-Binary value, hex or base64");
        return false;
    }

    private static bool IsHex(string input) => input.Length % 2 == 0 && input.Length > 0 && input.All(Uri.IsHexDigit);
}
