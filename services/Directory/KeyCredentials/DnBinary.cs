using System.Buffers;
using System.Globalization;

namespace Whfb.Directory.KeyCredentials;

/// <summary>A DN-Binary value (<c>B:&lt;hex char count&gt;:&lt;HEX&gt;:&lt;owner DN&gt;</c>).</summary>
public sealed record DnBinary(ReadOnlyMemory<byte> Binary, string OwnerDn)
{
    private const int MaxCountDigits = 9;
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>Formats bytes and an owner DN as DN-Binary text (upper-case hex).</summary>
    public static string Format(ReadOnlySpan<byte> binary, string ownerDn)
    {
        ArgumentNullException.ThrowIfNull(ownerDn);
        var count = (binary.Length * 2).ToString(CultureInfo.InvariantCulture);
        return string.Concat("B:", count, ":", Convert.ToHexString(binary), ":", ownerDn);
    }

    public override string ToString() => Format(Binary.Span, OwnerDn);

    /// <summary>Parses DN-Binary text; throws <see cref="KeyCredentialFormatException"/> only.</summary>
    public static DnBinary Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw error.ToException();

    public static bool TryParse(
        string? text,
        [NotNullWhen(true)] out DnBinary? value,
        [NotNullWhen(false)] out KeyCredentialFormatError? error)
    {
        value = null;
        error = Check(text, out var hexStart, out var hexLength);
        if (error is not null)
        {
            return false;
        }

        var hex = text.AsSpan(hexStart, hexLength);
        var bad = hex.IndexOfAnyExcept(HexDigits);
        if (bad >= 0)
        {
            error = KeyCredentialFormatError.Text(hexStart + bad, "Not a hexadecimal digit");
            return false;
        }

        value = new DnBinary(Convert.FromHexString(hex), text![(hexStart + hexLength + 1)..]);
        return true;
    }

    /// <summary>Validates the frame (prefix, count, separators) before anything is allocated.</summary>
    private static KeyCredentialFormatError? Check(string? text, out int hexStart, out int hexLength)
    {
        hexStart = 0;
        hexLength = 0;
        if (string.IsNullOrEmpty(text))
        {
            return KeyCredentialFormatError.Text(0, "Empty DN-Binary value");
        }

        if (text.Length < 2 || text[0] is not ('B' or 'b') || text[1] != ':')
        {
            return KeyCredentialFormatError.Text(0, "DN-Binary value must start with 'B:'");
        }

        var countEnd = text.IndexOf(':', 2);
        if (countEnd < 0)
        {
            return KeyCredentialFormatError.Text(2, "Missing ':' after the hex character count");
        }

        var digits = text.AsSpan(2, countEnd - 2);
        if (digits.IsEmpty || digits.Length > MaxCountDigits || digits.ContainsAnyExceptInRange('0', '9'))
        {
            return KeyCredentialFormatError.Text(2, "Hex character count is not a small decimal number");
        }

        var declared = int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        if (declared % 2 != 0)
        {
            return KeyCredentialFormatError.Text(2, $"Hex character count {declared} is odd");
        }

        hexStart = countEnd + 1;
        var hexEnd = text.IndexOf(':', hexStart);
        if (hexEnd < 0)
        {
            return KeyCredentialFormatError.Text(hexStart, "Missing ':' before the owner DN");
        }

        hexLength = hexEnd - hexStart;
        if (hexLength != declared)
        {
            return KeyCredentialFormatError.Text(2, $"Hex character count {declared} does not match the {hexLength} characters present");
        }

        return hexEnd + 1 >= text.Length ? KeyCredentialFormatError.Text(hexEnd + 1, "Owner DN is empty") : null;
    }
}
