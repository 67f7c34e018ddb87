namespace Whfb.Directory.KeyCredentials;

/// <summary>How the 8-byte time entries of a blob are encoded.</summary>
public enum KeyTimeEncoding
{
    /// <summary>Windows FILETIME (100 ns since 1601, UTC): version 2 written by AD.</summary>
    FileTime,

    /// <summary>.NET <c>DateTime.ToBinary()</c> (top two bits = kind): version 2 from AzureAD, and version 1.</summary>
    DateTimeBinary,

    /// <summary>.NET <c>DateTime.Ticks</c>: version 0.</summary>
    DateTimeTicks,
}
