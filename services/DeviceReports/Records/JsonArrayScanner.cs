using System.Text.Json;

namespace Whfb.DeviceReports.Records;

/// <summary>
/// A JSON array of records, read element by element with a resumable <see cref="Utf8JsonReader"/>.
/// Elements that are valid JSON but bad records do not stop the others; a JSON syntax error does
/// (nothing after it can be delimited reliably), and is reported at the element where it occurred.
/// </summary>
internal sealed class JsonArrayScanner : RawItemScanner
{
    private const string Stopped = "; the rest of the array was not read";
    private readonly int _arrayStart;
    private JsonReaderState _state;
    private int _position;
    private int _index;
    private bool _done;

    public JsonArrayScanner(ReadOnlyMemory<byte> data, int start) : base(data)
    {
        var reader = new Utf8JsonReader(data.Span[start..], isFinalBlock: true, new JsonReaderState(ReaderOptions));
        reader.Read(); // the '[' the caller saw
        _arrayStart = start;
        _state = reader.CurrentState;
        _position = start + (int)reader.BytesConsumed;
    }

    public override bool IsArray => true;

    public override bool TryNext(out RawItem item)
    {
        item = default;
        if (_done)
            return false;

        var span = Data.Span;
        var reader = new Utf8JsonReader(span[_position..], isFinalBlock: true, _state);
        try
        {
            if (!reader.Read())
                return Fail(out item, "The array is not closed");
            if (reader.TokenType == JsonTokenType.EndArray)
                return End(out item, _position + (int)reader.BytesConsumed);

            var begin = _position + (int)reader.TokenStartIndex;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                reader.Skip();
            _position += (int)reader.BytesConsumed;
            _state = reader.CurrentState;
            item = new RawItem(_index++, Lines.LineAt(begin), begin, _position - begin, null);
            return true;
        }
        catch (JsonException error)
        {
            _done = true;
            var begin = ElementStart(span, _position);
            var problem = Malformed(_arrayStart, begin, error, Stopped);
            item = new RawItem(_index, Lines.LineAt(begin), begin, 0, problem);
            return true;
        }
    }

    private bool End(out RawItem item, int after)
    {
        _done = true;
        var rest = Utf8Input.SkipWhitespace(Data.Span, after);
        if (rest >= Data.Length)
        {
            item = default;
            return false;
        }

        item = new RawItem(_index, Lines.LineAt(rest), rest, 0,
            new RecordReadError(RecordErrorKind.MalformedJson, "$", null, "Unexpected content after the end of the array"));
        return true;
    }

    private bool Fail(out RawItem item, string reason)
    {
        _done = true;
        var begin = ElementStart(Data.Span, _position);
        item = new RawItem(_index, Lines.LineAt(begin), begin, 0,
            new RecordReadError(RecordErrorKind.MalformedJson, "$", null, reason));
        return true;
    }

    /// <summary>Where the next element starts: past whitespace and the separating comma.</summary>
    private static int ElementStart(ReadOnlySpan<byte> span, int position)
    {
        position = Utf8Input.SkipWhitespace(span, position);
        if (position < span.Length && span[position] == (byte)',')
            position = Utf8Input.SkipWhitespace(span, position + 1);
        return Math.Min(position, span.Length);
    }
}
