namespace Whfb.Directory.KeyCredentials;

/// <summary>The one exception the codec throws for malformed input.</summary>
public sealed class KeyCredentialFormatException : FormatException
{
    public KeyCredentialFormatException(KeyCredentialFormatError error)
        : base(error?.ToString())
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    public KeyCredentialFormatException()
        : this(new KeyCredentialFormatError(FormatErrorLocation.Blob, 0, "Malformed key credential"))
    {
    }

    public KeyCredentialFormatException(string message)
        : this(new KeyCredentialFormatError(FormatErrorLocation.Blob, 0, message))
    {
    }

    public KeyCredentialFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = new KeyCredentialFormatError(FormatErrorLocation.Blob, 0, message);
    }

    public KeyCredentialFormatError Error { get; }

    /// <summary>Offset of the problem: bytes into the blob, or characters into the DN-Binary text.</summary>
    public int Offset => Error.Offset;

    public FormatErrorLocation Location => Error.Location;
}
