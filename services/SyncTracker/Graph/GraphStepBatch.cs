using System.Net;
using System.Text.Json;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Whfb.GraphClient.Access;

namespace Whfb.SyncTracker.Graph;

/// <summary>
/// Up to <see cref="GraphInventoryOptions.BatchSize"/> GET steps as one $batch through the gateway (paced, counted once),
/// each step's answer sorted: its body (200), gone (404), refused for a missing permission or licence (403, never asked
/// again in this pass), or to be asked again (a 429 step, or any other failure). Each step carries its own throttling
/// headers: the pacer follows the longest Retry-After of the throttled steps and the highest share of the budget the
/// others report. A $batch throttled as a whole asks every step again.
/// </summary>
public sealed partial class GraphStepBatch(GraphGateway gateway, GraphInventoryOptions options, TimeProvider time, ILogger logger)
{
    /// <summary>How many steps the next $batch should carry (what the budget lets through).</summary>
    public BatchSizer Sizer { get; } = new(options.BatchSize);

    public async Task<StepAnswers<TItem, TBody>> SendAsync<TItem, TBody>(
        string kind, IReadOnlyList<TItem> items, Func<TItem, RequestInformation> request, CancellationToken cancellationToken)
        where TItem : notnull
        where TBody : IParsable, new()
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(items.Count, options.BatchSize);
        var content = gateway.NewBatch();
        for (var i = 0; i < items.Count; i++)
        {
            await gateway.AddStepAsync(content, request(items[i]), StepId(i));
        }

        BatchResponseContent answer;
        double? envelope;
        try
        {
            (answer, envelope) = await gateway.BatchAsync(content, kind, cancellationToken);
        }
        catch (GraphThrottledException)
        {
            return new StepAnswers<TItem, TBody>([], [], items, [], null);
        }

        var (ok, gone, retry, denied) = (new List<(TItem, TBody?)>(), new List<TItem>(), new List<TItem>(), new List<TItem>());
        var signals = new StepSignals(0, null, envelope);
        GraphDenial? denial = null;
        for (var i = 0; i < items.Count; i++)
        {
            using var step = await answer.GetResponseByIdAsync(StepId(i));
            var headers = step is null ? null : GraphHeaders.Of(step);
            switch (step?.StatusCode)
            {
                case HttpStatusCode.OK:
                    ok.Add((items[i], await answer.GetResponseByIdAsync<TBody>(StepId(i))));
                    signals = signals.Answered(GraphHeaders.Percentage(headers));
                    break;
                case HttpStatusCode.NotFound:
                    gone.Add(items[i]);
                    break;
                case HttpStatusCode.TooManyRequests:
                    signals = signals.WasThrottled(GraphHeaders.RetryAfter(headers, time.GetUtcNow()));
                    retry.Add(items[i]);
                    break;
                case HttpStatusCode.Forbidden when await DenialAsync(step) is { } refused:
                    denial = refused;
                    denied.Add(items[i]);
                    break;
                default:
                    LogStepFailed(logger, kind, items[i], (int?)step?.StatusCode);
                    retry.Add(items[i]);
                    break;
            }
        }

        gateway.StepsAnswered(kind, signals);
        Sizer.Observe(ok.Count + gone.Count, signals);
        return new StepAnswers<TItem, TBody>(ok, gone, retry, denied, denial);
    }

    /// <summary>A 403 step's error body classified (permission, licence), or null when it is not such a refusal.</summary>
    private static async Task<GraphDenial?> DenialAsync(HttpResponseMessage step)
    {
        try
        {
            using var body = JsonDocument.Parse(await step.Content.ReadAsStringAsync());
            var error = body.RootElement.GetProperty("error");
            return GraphDenial.From(403, Text(error, "code"), Text(error, "message"));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string StepId(int index) => index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph {Kind} step for {Item} answered {Status}; asking again later")]
    private static partial void LogStepFailed(ILogger logger, string kind, object item, int? status);
}

/// <summary>
/// The steps of one $batch by outcome: answered (with the body), gone (404), to ask again, refused (403 for a missing
/// permission or licence, with Graph's words in <paramref name="Denial"/>).
/// </summary>
public sealed record StepAnswers<TItem, TBody>(
    IReadOnlyList<(TItem Item, TBody? Body)> Ok, IReadOnlyList<TItem> Gone, IReadOnlyList<TItem> Retry, IReadOnlyList<TItem> Denied, GraphDenial? Denial)
{
    /// <summary>Graph refused the feature itself: steps were refused and none was answered.</summary>
    public GraphDenial? FeatureDenial => Denial is not null && Ok.Count == 0 && Gone.Count == 0 ? Denial : null;
}

/// <summary>What a $batch's steps said about throttling: how many were 429, their longest Retry-After, the highest budget share reported.</summary>
public sealed record StepSignals(int Throttled, TimeSpan? RetryAfter, double? LimitPercentage)
{
    public StepSignals WasThrottled(TimeSpan? retryAfter) =>
        this with { Throttled = Throttled + 1, RetryAfter = retryAfter > RetryAfter || RetryAfter is null ? retryAfter ?? RetryAfter : RetryAfter };

    public StepSignals Answered(double? percentage) =>
        percentage > LimitPercentage || LimitPercentage is null ? this with { LimitPercentage = percentage ?? LimitPercentage } : this;
}
