namespace Whfb.Contracts.Devices;

/// <summary>Any other device event-log record, kept generic so that nothing a collector sends is dropped.</summary>
public sealed record DeviceLogEntryRecorded(
    DeviceEventHeader Header,
    string Level,
    string? Provider,
    IReadOnlyDictionary<string, string> EventData,
    string? Message);
