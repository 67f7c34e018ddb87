namespace Whfb.DeviceReports.Records;

/// <summary>Byte-level helpers shared by the scanners: BOM, whitespace, line ends.</summary>
internal static class Utf8Input
{
    private static ReadOnlySpan<byte> Whitespace => " \t\r\n"u8;

    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    public static int SkipBom(ReadOnlySpan<byte> data) => data.StartsWith(ByteOrderMark) ? 3 : 0;

    public static int SkipWhitespace(ReadOnlySpan<byte> data, int position)
    {
        var offset = data[position..].IndexOfAnyExcept(Whitespace);
        return offset < 0 ? data.Length : position + offset;
    }

    /// <summary>The position just after the line feed that ends the line holding <paramref name="position"/>.</summary>
    public static int NextLineStart(ReadOnlySpan<byte> data, int position)
    {
        var offset = data[position..].IndexOf((byte)'\n');
        return offset < 0 ? data.Length : position + offset + 1;
    }

    /// <summary>Absolute offset of a reader error given relative to <paramref name="start"/> (0-based line and byte).</summary>
    public static int OffsetOf(ReadOnlySpan<byte> data, int start, long line, long byteInLine)
    {
        var position = start;
        for (var i = 0L; i < line && position < data.Length; i++)
            position = NextLineStart(data, position);
        return (int)Math.Min(data.Length, position + byteInLine);
    }
}

/// <summary>Counts lines incrementally; offsets must be asked in increasing order.</summary>
internal sealed class LineCounter(ReadOnlyMemory<byte> data)
{
    private int _position;
    private int _line = 1;

    public int LineAt(int offset)
    {
        if (offset < _position)
            (_position, _line) = (0, 1);
        _line += data.Span[_position..offset].Count((byte)'\n');
        _position = offset;
        return _line;
    }
}
