using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Delta;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace Whfb.SyncTracker.Graph;

/// <summary>
/// The Graph requests of the inventory through the real <see cref="GraphServiceClient"/>, one at a time at the pacer's
/// rate. The SDK's own retry is off for them, so every HTTP request is counted here and every 429 reaches the pacer;
/// a page request that stays throttled surfaces as <see cref="GraphThrottledException"/> (retry at a later pass).
/// </summary>
public sealed class GraphGateway(GraphServiceClient client, GraphPacer pacer, GraphTraffic traffic, GraphInventoryOptions options, TimeProvider time)
{
    public const string WhfbFilter = "methodsRegistered/any(m:m eq 'windowsHelloForBusiness')";
    private static readonly string[] UserFields = ["id", "userPrincipalName", "onPremisesImmutableId", "onPremisesSecurityIdentifier"];

    /// <summary>One page of users with WHfB registered (userRegistrationDetails); the next link or null.</summary>
    public Task<UserRegistrationDetailsCollectionResponse?> WhfbUsersPageAsync(string? nextLink, CancellationToken cancellationToken)
    {
        var builder = client.Reports.AuthenticationMethods.UserRegistrationDetails;
        return SendAsync("report", inspect => nextLink is null
            ? builder.GetAsync(r =>
            {
                Configure(r.Options, inspect);
                r.QueryParameters.Filter = WhfbFilter;
                r.QueryParameters.Select = ["id", "userPrincipalName"];
                r.QueryParameters.Top = options.ReportPageSize;
            }, cancellationToken)
            : builder.WithUrl(nextLink).GetAsync(r => Configure(r.Options, inspect), cancellationToken), cancellationToken);
    }

    /// <summary>One page of users/delta (first round without a link: every user); @odata.nextLink or @odata.deltaLink in the answer.</summary>
    public Task<DeltaGetResponse?> UsersDeltaPageAsync(string? link, CancellationToken cancellationToken)
    {
        var builder = link is null ? client.Users.Delta : client.Users.Delta.WithUrl(link);
        return SendAsync("delta", inspect => builder.GetAsDeltaGetResponseAsync(r =>
        {
            Configure(r.Options, inspect);
            r.Headers.Add("Prefer", $"odata.maxpagesize={options.DeltaPageSize}");
            if (link is null)
            {
                r.QueryParameters.Select = UserFields;
            }
        }, cancellationToken), cancellationToken);
    }

    /// <summary>Sends one $batch (kind "batch": listings, "lookup": single GETs); the whole request being throttled surfaces as <see cref="GraphThrottledException"/>.</summary>
    public async Task<BatchResponseContent> BatchAsync(BatchRequestContent content, string kind, CancellationToken cancellationToken)
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
        pacer.Answered(GraphHeaders.Percentage(GraphHeaders.Of(response)));
        return new BatchResponseContent(response);
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

    /// <summary>A batch step answered 429: count it and slow down; the caller retries the step later.</summary>
    public void StepThrottled(HttpResponseMessage step, string kind) => Throttled($"{kind}-step", GraphHeaders.Of(step));

    /// <summary>Sends one request; a 429 waits out its Retry-After (through the pacer) and tries again, up to MaxRetryRounds times.</summary>
    private async Task<T?> SendAsync<T>(string kind, Func<HeadersInspectionHandlerOption, Task<T?>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await pacer.WaitTurnAsync(cancellationToken);
            var inspect = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };
            traffic.Sent(kind);
            try
            {
                var result = await call(inspect);
                pacer.Answered(GraphHeaders.Percentage(inspect.ResponseHeaders));
                return result;
            }
            catch (ApiException e) when (e.ResponseStatusCode == 429)
            {
                Throttled(kind, e.ResponseHeaders);
                if (attempt >= options.MaxRetryRounds)
                {
                    throw new GraphThrottledException(kind, e);
                }
            }
        }
    }

    private void Throttled(string kind, IEnumerable<KeyValuePair<string, IEnumerable<string>>>? headers)
    {
        traffic.WasThrottled(kind);
        pacer.Throttled(GraphHeaders.RetryAfter(headers, time.GetUtcNow()));
    }

    private static void Configure(IList<IRequestOption> requestOptions, HeadersInspectionHandlerOption inspect)
    {
        requestOptions.Add(inspect);
        requestOptions.Add(NoRetry());
    }

    private static RetryHandlerOption NoRetry() => new() { MaxRetry = 0, ShouldRetry = (_, _, _) => false };
}
