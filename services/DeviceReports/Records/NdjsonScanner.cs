using System.Text.Json;

namespace Whfb.DeviceReports.Records;

/// <summary>
/// Newline-delimited JSON: one value per line (a value may also span lines). After a broken
/// line the scanner resumes at the next line, so one bad record never hides the good ones.
/// </summary>
internal sealed class NdjsonScanner(ReadOnlyMemory<byte> data, int start) : RawItemScanner(data)
{
    private int _position = start;
    private int _index;

    public override bool IsArray => false;

    public override bool TryNext(out RawItem item)
    {
        var span = Data.Span;
        _position = Utf8Input.SkipWhitespace(span, _position);
        if (_position >= span.Length)
        {
            item = default;
            return false;
        }

        var begin = _position;
        var line = Lines.LineAt(begin);
        var index = _index++;
        var reader = new Utf8JsonReader(span[begin..], ReaderOptions);
        try
        {
            reader.Read();
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                reader.Skip();
            _position = begin + (int)reader.BytesConsumed;
            item = new RawItem(index, line, begin, _position - begin, null);
        }
        catch (JsonException error)
        {
            _position = Utf8Input.NextLineStart(span, begin);
            item = new RawItem(index, line, begin, _position - begin, Malformed(begin, begin, error, ""));
        }

        return true;
    }
}
