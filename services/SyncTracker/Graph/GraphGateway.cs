using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Delta;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using Whfb.GraphClient.Access;
using Whfb.SyncTracker.Graph.Access;

namespace Whfb.SyncTracker.Graph;

/// <summary>
/// The Graph requests of the inventory through the real <see cref="GraphServiceClient"/>, one at a time at the pacer's
/// rate. The SDK's own retry is off for them, so every HTTP request is counted here and every 429 reaches the pacer;
/// a page request that stays throttled surfaces as <see cref="GraphThrottledException"/> (retry at a later pass), a 403
/// for a missing permission or licence as <see cref="GraphDeniedException"/> (never retried).
/// </summary>
public sealed partial class GraphGateway(GraphServiceClient client, GraphPacer pacer, GraphTraffic traffic, GraphInventoryOptions options, TimeProvider time)
{
    public const string WhfbFilter = "methodsRegistered/any(m:m eq 'windowsHelloForBusiness')";
    private static readonly string[] UserFields = ["id", "userPrincipalName", "onPremisesImmutableId", "onPremisesSecurityIdentifier"];

    /// <summary>What was sent and throttled (and how often the users delta started over).</summary>
    public GraphTraffic Traffic => traffic;

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

    /// <summary>One page of the organization object (one tenant): directory sync on or off and its last sync time.</summary>
    public Task<OrganizationCollectionResponse?> OrganizationAsync(CancellationToken cancellationToken) =>
        SendAsync("organization", inspect => client.Organization.GetAsync(r =>
        {
            Configure(r.Options, inspect);
            r.QueryParameters.Select = ["id", "onPremisesSyncEnabled", "onPremisesLastSyncDateTime"];
        }, cancellationToken), cancellationToken);

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
            catch (ODataError e) when (e.ResponseStatusCode == 403 && GraphDenial.From(e) is { } denial)
            {
                pacer.Answered(null);
                throw new GraphDeniedException(denial, e);
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
