namespace Whfb.DeviceReports.Records;

/// <summary>Why one record was rejected.</summary>
/// <param name="Path">JSON path of the offending value: <c>$.timeCreated</c> for NDJSON, <c>$[3].timeCreated</c> in an array.</param>
/// <param name="Field">The field name inside the record (e.g. <c>timeCreated</c>, <c>eventData[2].value</c>), null for whole-record errors.</param>
public sealed record RecordReadError(RecordErrorKind Kind, string Path, string? Field, string Reason);
