using System.Text.Json;
using System.Text.Unicode;

namespace Whfb.DeviceReports.Records;

/// <summary>
/// Reads the body collectors POST to <c>/v1/events</c>: UTF-8 bytes of a JSON array of records or
/// of NDJSON. Yields one result per record, in order: a valid <see cref="CollectorRecord"/> or an
/// error with its line, JSON path and reason. Bad records never stop good ones. Past
/// <see cref="CollectorRecordReaderOptions.MaxRecords"/> it yields one
/// <see cref="RecordReadStatus.LimitExceeded"/> result and stops.
/// </summary>
public sealed class CollectorRecordReader(TimeProvider timeProvider, CollectorRecordReaderOptions? options = null)
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = RawItemScanner.MaxDepth,
    };

    private readonly CollectorRecordReaderOptions _options = options ?? new CollectorRecordReaderOptions();

    public CollectorRecordReader() : this(TimeProvider.System)
    {
    }

    /// <summary>Reads the whole body into a list (for callers that answer 413 or 400 before doing anything).</summary>
    public CollectorBatch ReadAll(ReadOnlyMemory<byte> utf8) => new(Read(utf8).ToList());

    /// <summary>Reads lazily, one record at a time.</summary>
    public IEnumerable<RecordReadResult> Read(ReadOnlyMemory<byte> utf8)
    {
        var scanner = RawItemScanner.Create(utf8);
        var window = _options.WindowAt(timeProvider.GetUtcNow());
        var deviceIdFor = _options.DeviceIdFor;
        var count = 0;
        while (scanner.TryNext(out var item))
        {
            if (count++ == _options.MaxRecords)
            {
                yield return RecordReadResult.Invalid(item.Index, item.Line, new RecordReadError(
                    RecordErrorKind.LimitExceeded, "$", null, $"More than {_options.MaxRecords} records in one request"));
                yield break;
            }

            yield return Parse(utf8, item, window, deviceIdFor, scanner.IsArray);
        }
    }

    private static RecordReadResult Parse(ReadOnlyMemory<byte> utf8, RawItem item, TimeWindow window, Func<string?, Guid?>? deviceIdFor, bool inArray)
    {
        CollectorRecord? record = null;
        var error = item.Error ?? ParseRecord(utf8.Slice(item.Start, item.Length), window, deviceIdFor, out record);
        if (error is null)
            return RecordReadResult.Valid(item.Index, item.Line, record!);
        if (inArray)
            error = error with { Path = $"$[{item.Index}]{error.Path.AsSpan(1)}" };
        return RecordReadResult.Invalid(item.Index, item.Line, error);
    }

    private static RecordReadError? ParseRecord(ReadOnlyMemory<byte> bytes, TimeWindow window, Func<string?, Guid?>? deviceIdFor, out CollectorRecord? record)
    {
        record = null;
        if (!Utf8.IsValid(bytes.Span))
            return new RecordReadError(RecordErrorKind.InvalidUtf8, "$", null, "The record is not valid UTF-8");
        try
        {
            using var document = JsonDocument.Parse(bytes, DocumentOptions);
            return StorableText.Find(bytes.Span, document.RootElement)
                ?? CollectorRecordParser.TryParse(document.RootElement, window, deviceIdFor, out record);
        }
        catch (JsonException error)
        {
            return new RecordReadError(RecordErrorKind.MalformedJson, "$", null, "Malformed JSON: " + error.Message);
        }
    }
}
