using Microsoft.Extensions.Options;
using Whfb.DeviceReports.Records;

namespace Whfb.Ingest.Apis;

public static class EventsApi
{
    public static WebApplication MapEventsApi(this WebApplication app)
    {
        app.MapPost("/v1/events", AcceptAsync)
            .Accepts<object>("application/json", "application/x-ndjson")
            .Produces(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<IResult> AcceptAsync(
        HttpContext http, CollectorRecordReader reader, EventBatchPublisher publisher, IOptions<IngestOptions> options)
    {
        if (options.Value.DevelopmentTenantId is not { } tenantId)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "No collector credential");
        }

        var body = await RequestBody.ReadAsync(http, options.Value.MaxBodyBytes);
        if (body is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large",
                detail: $"The body exceeds {options.Value.MaxBodyBytes} bytes; send smaller batches.");
        }

        var batch = reader.ReadAll(body.Value);
        if (batch.LimitExceeded)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too many records",
                detail: $"At most {options.Value.MaxRecords} records per request; send smaller batches.");
        }

        var valid = batch.ValidRecords.ToList();
        var rejected = batch.Errors.Select(e => new RejectedRecord(e.Line, e.Index, e.Error!.Field, e.Error.Path, e.Error.Kind.ToString(), e.Error.Reason)).ToList();
        if (valid.Count == 0)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No valid record in the request",
                extensions: new Dictionary<string, object?> { ["errors"] = rejected });
        }

        try
        {
            await publisher.PublishAsync(tenantId, valid, http.RequestAborted);
        }
        catch (Exception ex) when (ex is OperationCanceledException or MassTransit.MassTransitException or RabbitMQ.Client.Exceptions.BrokerUnreachableException)
        {
            http.Response.Headers.RetryAfter = "30";
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Message broker unavailable",
                detail: "Nothing was accepted; keep the records and retry.");
        }

        return Results.Accepted(value: new AcceptedRecords(valid.Count, rejected));
    }

    private sealed record AcceptedRecords(int Accepted, IReadOnlyList<RejectedRecord> Rejected);

    private sealed record RejectedRecord(int Line, int Index, string? Field, string Path, string Kind, string Reason);
}
