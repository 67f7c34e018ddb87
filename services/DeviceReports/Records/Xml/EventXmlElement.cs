using System.Text;
using System.Xml;

namespace Whfb.DeviceReports.Records.Xml;

/// <summary>
/// Reads one <c>&lt;Event&gt;</c> element of the Windows event schema with a forward-only reader: System's fields,
/// EventData's Data (or UserData's fields), RenderingInfo's Culture, Message and Level. Elements it does not use are
/// passed over; nesting deeper than <see cref="MaxDepth"/> ends the document (the schema nests four levels). An
/// element's text is gathered in one buffer, however many text and CDATA nodes it is split into.
/// </summary>
internal sealed class EventXmlElement
{
    public const int MaxDepth = 8;

    private enum Target { None, EventId, Level, RecordId, Channel, Computer, Data, Message, RenderedLevel }

    private readonly EventXmlFields _fields = new();
    private readonly StringBuilder _text = new();
    private Target _target;

    /// <summary>The reader is on the Event start element; it is left on the Event's end (or the empty element).</summary>
    public static EventXmlFields Read(XmlReader reader)
    {
        var element = new EventXmlElement();
        if (reader.IsEmptyElement)
            return element._fields;
        var top = reader.Depth;
        var path = new string[MaxDepth + 2];
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == top))
        {
            var level = reader.Depth - top;
            if (level > MaxDepth)
                throw new XmlException($"Elements nest deeper than {MaxDepth} levels inside an Event", null, LineOf(reader), 0);
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    element.Flush();
                    path[level] = reader.LocalName;
                    element.Start(reader, path.AsSpan(1, level));
                    if (reader.IsEmptyElement)
                        element.Flush();
                    break;
                case XmlNodeType.EndElement:
                    element.Flush();
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                    if (element._target != Target.None)
                        element._text.Append(reader.Value);
                    break;
            }
        }

        element.Flush();
        return element._fields;
    }

    public static int LineOf(XmlReader reader) => reader is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    private void Start(XmlReader reader, ReadOnlySpan<string> path)
    {
        var f = _fields;
        _target = path switch
        {
            ["System", "EventID"] => Target.EventId,
            ["System", "Level"] => Target.Level,
            ["System", "EventRecordID"] => Target.RecordId,
            ["System", "Channel"] => Target.Channel,
            ["System", "Computer"] => Target.Computer,
            ["EventData", "Data"] or ["UserData", _, _] => Target.Data,
            ["RenderingInfo", "Message"] => Target.Message,
            ["RenderingInfo", "Level"] => Target.RenderedLevel,
            _ => Target.None,
        };
        switch (path)
        {
            case ["System", "Provider"]:
                f.Provider = reader.GetAttribute("Name");
                break;
            case ["System", "TimeCreated"]:
                f.TimeCreated = reader.GetAttribute("SystemTime");
                break;
            case ["System", "Security"]:
                f.UserSid = reader.GetAttribute("UserID");
                break;
            case ["EventData", "Data"]:
                f.Data.Add((reader.GetAttribute("Name"), ""));
                break;
            case ["UserData", _, _]:
                f.Data.Add((reader.LocalName, ""));
                break;
            case ["RenderingInfo"]:
                f.Culture = reader.GetAttribute("Culture");
                break;
        }
    }

    private void Flush()
    {
        if (_target == Target.None)
            return;
        var f = _fields;
        var text = _text.ToString();
        _ = _target switch
        {
            Target.EventId => f.EventId = text,
            Target.Level => f.Level = text,
            Target.RecordId => f.RecordId = text,
            Target.Channel => f.Channel = text,
            Target.Computer => f.Computer = text,
            Target.Message => f.Message = text,
            Target.RenderedLevel => f.RenderedLevel = text,
            _ => SetData(text),
        };
        _text.Clear();
        _target = Target.None;
    }

    private string SetData(string text)
    {
        _fields.Data[^1] = (_fields.Data[^1].Name, text);
        return text;
    }
}
