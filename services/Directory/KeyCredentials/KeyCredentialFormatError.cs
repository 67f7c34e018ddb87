namespace Whfb.Directory.KeyCredentials;

/// <summary>Where a format error was found: in the DN-Binary text or in the binary blob.</summary>
public enum FormatErrorLocation
{
    /// <summary>Offset counts characters of the DN-Binary string.</summary>
    Text,

    /// <summary>Offset counts bytes of the KEYCREDENTIALLINK_BLOB.</summary>
    Blob,
}

/// <summary>Why a value could not be decoded, and where.</summary>
public sealed record KeyCredentialFormatError(FormatErrorLocation Location, int Offset, string Reason)
{
    public override string ToString() =>
        $"{Reason} (at {(Location == FormatErrorLocation.Text ? "character" : "byte")} {Offset})";

    public KeyCredentialFormatException ToException() => new(this);

    internal static KeyCredentialFormatError Blob(int offset, string reason) => new(FormatErrorLocation.Blob, offset, reason);

    internal static KeyCredentialFormatError Text(int offset, string reason) => new(FormatErrorLocation.Text, offset, reason);
}
