using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace Whfb.SyncTracker.Graph;

/// <summary>The $batch side of the gateway: building batches of single requests, sending them paced, and what their steps say.</summary>
public sealed partial class GraphGateway
{
    /// <summary>
    /// Sends one $batch (kind "batch": listings, "lookup": single GETs), answered with its steps and the budget share the
    /// $batch itself reported; the whole request being throttled surfaces as <see cref="GraphThrottledException"/>.
    /// </summary>
    public async Task<(BatchResponseContent Steps, double? LimitPercentage)> BatchAsync(BatchRequestContent content, string kind, CancellationToken cancellationToken)
    {
        var request = await client.Batch.ToPostRequestInformationAsync(content, cancellationToken);
        var native = new NativeResponseHandler();
        request.AddRequestOptions([new ResponseHandlerOption { ResponseHandler = native }, NoRetry()]);
        await pacer.WaitTurnAsync(cancellationToken);
        traffic.Sent(kind, content.BatchRequestSteps.Count);
        await client.RequestAdapter.SendNoContentAsync(request, cancellationToken: cancellationToken);
        var response = (HttpResponseMessage)native.Value!;
        if ((int)response.StatusCode == 429)
        {
            Throttled(kind, GraphHeaders.Of(response));
            response.Dispose();
            throw new GraphThrottledException(kind);
        }

        response.EnsureSuccessStatusCode();
        return (new BatchResponseContent(response), GraphHeaders.Percentage(GraphHeaders.Of(response)));
    }

    // The SDK marks single-batch content obsolete in favour of BatchRequestContentCollection, which sends its batches
    // itself with the SDK's retry on: here each $batch must be counted, paced and its 429 seen, so batches are built one by one.
#pragma warning disable CS0618
    public BatchRequestContent NewBatch() => new(client);

    public Task AddStepAsync(BatchRequestContent content, RequestInformation request, string id) => content.AddBatchRequestStepAsync(request, id);
#pragma warning restore CS0618

    /// <summary>A user's WHfB methods: Graph's list takes no query options and never carries the device.</summary>
    public RequestInformation MethodsRequest(Guid userId) =>
        client.Users[userId.ToString()].Authentication.WindowsHelloForBusinessMethods.ToGetRequestInformation();

    /// <summary>One WHfB method with its device: the only request in which Graph returns the device.</summary>
    public RequestInformation MethodDeviceRequest(DeviceLookup lookup) =>
        client.Users[lookup.UserId.ToString()].Authentication.WindowsHelloForBusinessMethods[lookup.MethodId]
            .ToGetRequestInformation(r => r.QueryParameters.Expand = ["device"]);

    /// <summary>
    /// What a $batch's steps said about throttling, once per batch: its 429 steps are counted and the pacer waits for the
    /// longest Retry-After among them (or backs off when none had one); otherwise the pacer hears the highest share of the
    /// budget any step (or the $batch itself) reported.
    /// </summary>
    public void StepsAnswered(string kind, StepSignals signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        for (var i = 0; i < signals.Throttled; i++)
        {
            traffic.WasThrottled($"{kind}-step");
        }

        if (signals.Throttled > 0)
        {
            pacer.Throttled(signals.RetryAfter);
        }
        else
        {
            pacer.Answered(signals.LimitPercentage);
        }
    }
}
