using System.Xml;

namespace Whfb.DeviceReports.Records.Xml;

/// <summary>
/// Reads Windows event XML (<c>wevtutil qe /f:RenderedXml</c>, <c>EventLogRecord.ToXml()</c>, a forwarded-events
/// export): one <c>&lt;Event&gt;</c>, a sequence of them, or an <c>&lt;Events&gt;</c> wrapper; one result per event,
/// as the JSON reader gives them. The parser is safe for hostile input: no DTD (an entity bomb or external entity is
/// refused at its declaration), no resolver, characters and nesting bounded. A document that is not well-formed ends
/// at the error, reported at the event where it occurred (nothing after it can be delimited reliably).
/// </summary>
public sealed class EventXmlReader(TimeProvider timeProvider, CollectorRecordReaderOptions? options = null)
{
    private readonly CollectorRecordReaderOptions _options = options ?? new CollectorRecordReaderOptions();

    /// <param name="deviceIdFor">The Entra device id of an event's System/Computer, or null when unknown.</param>
    public IEnumerable<RecordReadResult> Read(ReadOnlyMemory<byte> xml, Func<string?, Guid?> deviceIdFor)
    {
        var window = _options.WindowAt(timeProvider.GetUtcNow());
        using var reader = XmlReader.Create(new MemoryStream(xml.ToArray(), writable: false), Settings(xml.Length));
        var index = 0;
        while (true)
        {
            var (found, line, fields, malformed) = Next(reader);
            if (malformed is not null)
            {
                yield return RecordReadResult.Invalid(index, malformed.LineNumber, new RecordReadError(RecordErrorKind.MalformedXml, "$", null,
                    $"Malformed XML at line {malformed.LineNumber}, position {malformed.LinePosition}: {Reason(malformed)}; the rest of the document was not read"));
                yield break;
            }

            if (!found)
                yield break;

            if (index == _options.MaxRecords)
            {
                yield return RecordReadResult.Invalid(index, line, new RecordReadError(
                    RecordErrorKind.LimitExceeded, "$", null, $"More than {_options.MaxRecords} records in one request"));
                yield break;
            }

            var error = EventXmlRecord.TryCreate(fields!, deviceIdFor(fields!.Computer), window, out var record);
            yield return error is null ? RecordReadResult.Valid(index, line, record!) : RecordReadResult.Invalid(index, line, error);
            index++;
        }
    }

    private static (bool Found, int Line, EventXmlFields? Fields, XmlException? Malformed) Next(XmlReader reader)
    {
        try
        {
            return NextEvent(reader, out var line) ? (true, line, EventXmlElement.Read(reader), null) : (false, line, null, null);
        }
        catch (XmlException error)
        {
            return (false, error.LineNumber, null, error);
        }
    }

    /// <summary>The parser's message without its own " Line n, position m." (the reason says where).</summary>
    private static string Reason(XmlException error)
    {
        var message = error.Message;
        var cut = message.IndexOf(" Line ", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd().TrimEnd('.');
    }

    /// <summary>Moves to the next Event element, into an Events wrapper; anything else is an error.</summary>
    private static bool NextEvent(XmlReader reader, out int line)
    {
        while (true)
        {
            line = 0;
            if (!reader.Read() || reader.MoveToContent() == XmlNodeType.None)
                return false;
            line = EventXmlElement.LineOf(reader);
            if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "Events" && reader.Depth == 0)
                continue;
            if (reader.NodeType != XmlNodeType.Element)
                throw new XmlException($"Unexpected {reader.NodeType} outside an Event", null, line, 0);
            if (reader.LocalName == "Events" && reader.Depth == 0)
                continue;

            if (reader.LocalName != "Event" || reader.Depth > 1)
                throw new XmlException($"Expected <Event>, found <{reader.LocalName}>", null, line, 0);
            return true;
        }
    }

    private static XmlReaderSettings Settings(int length) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        ConformanceLevel = ConformanceLevel.Fragment,
        MaxCharactersInDocument = Math.Max(1024, length),
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CheckCharacters = true,
    };
}
