using System.Text.Json.Serialization;

namespace Whfb.DeviceReports.Records;

/// <summary>Why a collector record was rejected.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RecordErrorKind>))]
public enum RecordErrorKind
{
    /// <summary>Not JSON, or JSON cut short.</summary>
    MalformedJson,
    /// <summary>The bytes of the record are not valid UTF-8.</summary>
    InvalidUtf8,
    /// <summary>The record is a JSON value other than an object.</summary>
    NotAnObject,
    /// <summary>A field has the wrong JSON type (e.g. a number where text is expected).</summary>
    WrongType,
    /// <summary>A required field (deviceId, channel, eventId, recordId, timeCreated) is missing or null.</summary>
    MissingField,
    /// <summary>A field has the right type but an unusable value (not a GUID, not a time…).</summary>
    InvalidValue,
    /// <summary>timeCreated is further ahead of the server's clock than allowed.</summary>
    TimeInFuture,
    /// <summary>The request holds more records than allowed; reading stopped (answer 413).</summary>
    LimitExceeded,
    /// <summary>A string holds a NUL character or a lone UTF-16 surrogate: neither can be stored.</summary>
    UnstorableText,
    /// <summary>timeCreated is older than the oldest time accepted.</summary>
    TooOld,
    /// <summary>Event XML that is not well-formed, declares a DTD, or nests too deep; reading stopped there.</summary>
    MalformedXml,
}
