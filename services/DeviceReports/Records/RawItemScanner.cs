using System.Text.Json;
using System.Text.Unicode;

namespace Whfb.DeviceReports.Records;

/// <summary>The bytes of one record (or why they could not be delimited).</summary>
internal readonly record struct RawItem(int Index, int Line, int Start, int Length, RecordReadError? Error);

/// <summary>Splits a request body into records: a JSON array, or NDJSON (one value per line).</summary>
internal abstract class RawItemScanner(ReadOnlyMemory<byte> data)
{
    /// <summary>
    /// No comments and a shallow depth: after a broken NDJSON item the scan resumes at the next line, so an item that
    /// could run on (an unterminated comment, ever deeper nesting) would be re-read from every line it spans. Without
    /// comments an item spans only as many lines as it has open brackets, so each byte is read a bounded number of times.
    /// </summary>
    internal static readonly JsonReaderOptions ReaderOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = MaxDepth,
    };

    /// <summary>Deep enough for any record PowerShell writes (ConvertTo-Json -Depth 5 nests six levels).</summary>
    internal const int MaxDepth = 16;

    protected ReadOnlyMemory<byte> Data { get; } = data;
    protected LineCounter Lines { get; } = new(data);

    public abstract bool IsArray { get; }

    public abstract bool TryNext(out RawItem item);

    public static RawItemScanner Create(ReadOnlyMemory<byte> data)
    {
        var span = data.Span;
        var start = Utf8Input.SkipWhitespace(span, Utf8Input.SkipBom(span));
        return start < span.Length && span[start] == (byte)'['
            ? new JsonArrayScanner(data, start)
            : new NdjsonScanner(data, start);
    }

    /// <summary>
    /// Classifies a reader failure: invalid UTF-8 between the record start and the error, or a
    /// JSON syntax error. The error's line and byte are relative to <paramref name="readerStart"/>.
    /// </summary>
    protected RecordReadError Malformed(int readerStart, int recordStart, JsonException error, string consequence)
    {
        var span = Data.Span;
        var errorLine = error.LineNumber ?? 0;
        var errorByte = error.BytePositionInLine ?? 0;
        var at = Utf8Input.OffsetOf(span, readerStart, errorLine, errorByte);
        var end = Math.Max(recordStart, Utf8Input.NextLineStart(span, at));
        if (!Utf8.IsValid(span[recordStart..end]))
            return new RecordReadError(RecordErrorKind.InvalidUtf8, "$", null, "The record is not valid UTF-8" + consequence);

        var line = Lines.LineAt(readerStart) + (int)errorLine;
        var message = error.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var reason = (cut > 0 ? message[..cut] : message).TrimEnd().TrimEnd('.');
        return new RecordReadError(RecordErrorKind.MalformedJson, "$", null,
            $"Malformed JSON at line {line}, byte {errorByte + 1}: {reason}{consequence}");
    }
}
