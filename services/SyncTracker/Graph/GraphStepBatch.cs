using System.Net;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Whfb.SyncTracker.Graph;

/// <summary>
/// Up to <see cref="GraphInventoryOptions.BatchSize"/> GET steps as one $batch through the gateway (paced, counted once),
/// each step's answer sorted: its body (200), gone (404), or to be asked again (a 429 step, counted and slowing the pacer,
/// or any other failure). A $batch throttled as a whole asks every step again.
/// </summary>
public sealed partial class GraphStepBatch(GraphGateway gateway, GraphInventoryOptions options, ILogger logger)
{
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
        try
        {
            answer = await gateway.BatchAsync(content, kind, cancellationToken);
        }
        catch (GraphThrottledException)
        {
            return new StepAnswers<TItem, TBody>([], [], items);
        }

        var (ok, gone, retry) = (new List<(TItem, TBody?)>(), new List<TItem>(), new List<TItem>());
        for (var i = 0; i < items.Count; i++)
        {
            using var step = await answer.GetResponseByIdAsync(StepId(i));
            switch (step?.StatusCode)
            {
                case HttpStatusCode.OK:
                    ok.Add((items[i], await answer.GetResponseByIdAsync<TBody>(StepId(i))));
                    break;
                case HttpStatusCode.NotFound:
                    gone.Add(items[i]);
                    break;
                case HttpStatusCode.TooManyRequests:
                    gateway.StepThrottled(step, kind);
                    retry.Add(items[i]);
                    break;
                default:
                    LogStepFailed(logger, kind, items[i], (int?)step?.StatusCode);
                    retry.Add(items[i]);
                    break;
            }
        }

        return new StepAnswers<TItem, TBody>(ok, gone, retry);
    }

    private static string StepId(int index) => index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph {Kind} step for {Item} answered {Status}; asking again later")]
    private static partial void LogStepFailed(ILogger logger, string kind, object item, int? status);
}

/// <summary>The steps of one $batch by outcome: answered (with the body), gone (404), to ask again.</summary>
public sealed record StepAnswers<TItem, TBody>(IReadOnlyList<(TItem Item, TBody? Body)> Ok, IReadOnlyList<TItem> Gone, IReadOnlyList<TItem> Retry);
