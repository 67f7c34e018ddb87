namespace Whfb.DeviceReports.Records.Xml;

/// <summary>What one <c>&lt;Event&gt;</c> element holds, as text, before validation.</summary>
internal sealed class EventXmlFields
{
    public string? Provider { get; set; }
    public string? EventId { get; set; }
    public string? Level { get; set; }
    public string? TimeCreated { get; set; }
    public string? RecordId { get; set; }
    public string? Channel { get; set; }
    public string? Computer { get; set; }
    public string? UserSid { get; set; }
    public string? Culture { get; set; }
    public string? RenderedLevel { get; set; }
    public string? Message { get; set; }

    /// <summary>EventData/Data (by Name, or by position when nameless) or UserData's fields, in document order.</summary>
    public List<(string? Name, string Value)> Data { get; } = [];
}
