using Whfb.DeviceReports.Records;
using Whfb.DeviceReports.Records.Xml;

namespace Whfb.Cli.Events;

/// <summary>
/// An event file an administrator exported, read by its extension with the same readers Ingest uses: <c>.xml</c> as
/// Windows event XML, <c>.json</c> / <c>.ndjson</c> as collector records or Get-WinEvent output. Records without a
/// device id get one from --device-id or the --device-map, by their computer name.
/// </summary>
public static class EventFile
{
    public static readonly string[] Extensions = [".xml", ".json", ".ndjson"];

    public static bool IsSupported(string path) => Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<RecordReadResult> Read(byte[] content, string path, Func<string?, Guid?>? deviceIdFor, TimeSpan maxAge)
    {
        // Reading stops at Ingest's per-request limit only for one request: a file holds as many records as it holds.
        var options = new CollectorRecordReaderOptions { MaxRecords = int.MaxValue, MaxAge = maxAge, DeviceIdFor = deviceIdFor };
        return Path.GetExtension(path).Equals(".xml", StringComparison.OrdinalIgnoreCase)
            ? new EventXmlReader(TimeProvider.System, options).Read(content, deviceIdFor ?? (_ => null)).ToList()
            : new CollectorRecordReader(TimeProvider.System, options).ReadAll(content).Results;
    }

    /// <summary>--device-id for every record, else the map, else none (records must carry deviceId).</summary>
    public static Func<string?, Guid?>? Resolver(Guid? deviceId, DeviceMap? map) =>
        deviceId is { } id ? _ => id : map is null ? null : map.DeviceIdOf;
}
