using System.Net;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace Whfb.Policy.Intune;

/// <summary>
/// The devices registered to member users, 20 users per <c>$batch</c> (one step each). A step Graph throttled (429) or
/// could not serve (5xx) goes round again after the longest Retry-After of its batch, at most
/// <see cref="IntuneGraph.MaxRetries"/> times; any other failure fails the whole resolution.
/// </summary>
internal static class RegisteredDevicesBatch
{
    public const int StepsPerBatch = 20;

    public static async Task<IReadOnlyList<Device>> ReadAsync(GraphServiceClient client, IEnumerable<string> userIds, CancellationToken ct)
    {
        var devices = new List<Device>();
        var pending = new Queue<(string User, int Round)>(userIds.Select(u => (u, 0)));
        while (pending.Count > 0)
        {
            var batch = new BatchRequestContentCollection(client, StepsPerBatch);
            var steps = new Dictionary<string, (string User, int Round)>(StringComparer.Ordinal);
            while (steps.Count < StepsPerBatch && pending.TryDequeue(out var next))
            {
                var request = client.Users[next.User].RegisteredDevices.ToGetRequestInformation(r => r.QueryParameters.Top = 999);
                steps[await batch.AddBatchRequestStepAsync(request)] = next;
            }

            var answer = await client.Batch.PostAsync(batch, ct);
            var codes = await answer.GetResponsesStatusCodesAsync();
            var wait = TimeSpan.Zero;
            foreach (var (step, (user, round)) in steps)
            {
                if (codes[step] is HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError && round < IntuneGraph.MaxRetries)
                {
                    using var throttled = await answer.GetResponseByIdAsync(step);
                    wait = TimeSpan.FromTicks(Math.Max(wait.Ticks, (throttled.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1)).Ticks));
                    pending.Enqueue((user, round + 1));
                    continue;
                }

                var page = await answer.GetResponseByIdAsync<DirectoryObjectCollectionResponse>(step);
                devices.AddRange((await GraphPages.AllAsync<DirectoryObject, DirectoryObjectCollectionResponse>(client, page, ct)).OfType<Device>());
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, ct);
            }
        }

        return devices;
    }
}
