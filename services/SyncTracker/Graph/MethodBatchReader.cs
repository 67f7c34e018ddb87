using System.Net;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace Whfb.SyncTracker.Graph;

/// <summary>
/// Lists users' windowsHelloForBusinessMethods (with $expand=device for the DeviceId) in $batch requests of
/// <see cref="GraphInventoryOptions.BatchSize"/> steps. A throttled or failed step only sends its user to the retry list.
/// </summary>
public sealed partial class MethodBatchReader(GraphGateway gateway, GraphInventoryOptions options, ILogger logger)
{
    /// <summary>One $batch for up to BatchSize users (a throttled batch as a whole: every user is retried).</summary>
    public async Task<MethodRound> ReadAsync(IReadOnlyList<Guid> users, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(users.Count, options.BatchSize);
        var content = gateway.NewBatch();
        foreach (var user in users)
        {
            await gateway.AddStepAsync(content, user);
        }

        BatchResponseContent answer;
        try
        {
            answer = await gateway.BatchAsync(content, cancellationToken);
        }
        catch (GraphThrottledException)
        {
            return new MethodRound([], users);
        }

        var listings = new List<MethodListing>();
        var retry = new List<Guid>();
        foreach (var user in users)
        {
            using var step = await answer.GetResponseByIdAsync(user.ToString());
            switch (step?.StatusCode)
            {
                case HttpStatusCode.OK:
                    var page = await answer.GetResponseByIdAsync<WindowsHelloForBusinessAuthenticationMethodCollectionResponse>(user.ToString());
                    listings.Add(MethodListing.From(user, page));
                    break;
                case HttpStatusCode.NotFound:
                    listings.Add(new MethodListing(user, []));
                    break;
                case HttpStatusCode.TooManyRequests:
                    gateway.StepThrottled(step);
                    retry.Add(user);
                    break;
                default:
                    LogStepFailed(logger, user, (int?)step?.StatusCode);
                    retry.Add(user);
                    break;
            }
        }

        return new MethodRound(listings, retry);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listing the WHfB methods of user {UserId} answered {Status}; asking again later")]
    private static partial void LogStepFailed(ILogger logger, Guid userId, int? status);
}
