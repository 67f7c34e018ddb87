using System.Globalization;

namespace Whfb.Ingest.Apis;

/// <summary>The error answers every Ingest endpoint shares, as RFC 7807 problem details.</summary>
internal static class IngestResults
{
    public static IResult BodyTooLarge(long maxBytes) => Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Request body too large", detail: $"The body exceeds {maxBytes} bytes; send smaller batches.");

    public static IResult TooManyRecords(int maxRecords) => Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Too many records", detail: $"At most {maxRecords} records per request; send smaller batches.");

    /// <summary>400 naming the line and field of the first problem, with every problem under "errors".</summary>
    public static IResult Invalid(string title, IReadOnlyList<RejectedInput> errors) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: title,
        detail: errors.Count == 0 ? null : errors[0] + (errors.Count > 1 ? $" (and {errors.Count - 1} more)" : ""),
        extensions: new Dictionary<string, object?> { ["errors"] = errors });

    public static IResult Invalid(string field, string reason) =>
        Invalid("Invalid request", [new RejectedInput(1, 0, field, "$." + field, "InvalidValue", reason)]);

    /// <summary>413 naming the record (or report) whose event alone would not fit in one broker message.</summary>
    public static IResult EventTooLarge(RejectedInput where, int bytes, int maxBytes)
    {
        var error = where with { Kind = "TooLarge", Reason = $"becomes an event of {bytes} bytes, more than the {maxBytes} one broker message holds" };
        return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Record too large",
            detail: error + "; nothing was accepted.", extensions: new Dictionary<string, object?> { ["errors"] = new[] { error } });
    }

    public static IResult BrokerUnavailable(HttpContext http, int retryAfterSeconds) => Unavailable(http, retryAfterSeconds,
        "Message broker unavailable", "Nothing was accepted; keep the data and retry.");

    /// <summary>503 at once: the publish queue is full, nothing of the request was queued.</summary>
    public static IResult Busy(HttpContext http, int retryAfterSeconds) => Unavailable(http, retryAfterSeconds,
        "Ingest is busy", "Too many requests are waiting for the message broker; nothing was accepted, retry later.");

    private static IResult Unavailable(HttpContext http, int retryAfterSeconds, string title, string detail)
    {
        http.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: title, detail: detail);
    }
}
