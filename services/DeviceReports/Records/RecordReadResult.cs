using System.Text.Json.Serialization;

namespace Whfb.DeviceReports.Records;

[JsonConverter(typeof(JsonStringEnumConverter<RecordReadStatus>))]
public enum RecordReadStatus
{
    Valid,
    Invalid,
    /// <summary>More records than the limit: this is the last result, nothing after it was read.</summary>
    LimitExceeded,
}

/// <summary>The outcome for one NDJSON line or one JSON array element.</summary>
/// <param name="Index">0-based position of the record in the input (array index, or ordinal among NDJSON records).</param>
/// <param name="Line">1-based line where the record starts.</param>
public sealed record RecordReadResult(
    RecordReadStatus Status,
    int Index,
    int Line,
    CollectorRecord? Record,
    RecordReadError? Error)
{
    public bool IsValid => Status == RecordReadStatus.Valid;

    internal static RecordReadResult Valid(int index, int line, CollectorRecord record) =>
        new(RecordReadStatus.Valid, index, line, record, null);

    internal static RecordReadResult Invalid(int index, int line, RecordReadError error) =>
        new(error.Kind == RecordErrorKind.LimitExceeded ? RecordReadStatus.LimitExceeded : RecordReadStatus.Invalid,
            index, line, null, error);
}
