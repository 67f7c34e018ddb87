using System.Net;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace Whfb.Policy.Intune;

/// <summary>
/// The Intune managed devices whose primary user is one of the given users (<c>users/{id}/managedDevices</c>), 20 users
/// per <c>$batch</c>, one step each. A step Graph throttled (429) or could not serve (5xx) goes round again after
/// <see cref="BatchBackoff"/>, at most <see cref="IntuneGraph.MaxRetries"/> times; a user gone since the member list was
/// read (404) has none; any other failure, a refused step (403) included, is thrown as that step's
/// <see cref="Microsoft.Graph.Models.ODataErrors.ODataError"/>, so a missing permission is never taken for throttling.
/// </summary>
internal static class ManagedDevicesBatch
{
    public const int StepsPerBatch = 20;
    private static readonly string[] Properties = ["id", "deviceName", "azureADDeviceId", "userId", "operatingSystem"];

    public static async Task<IReadOnlyList<ManagedDevice>> ReadAsync(GraphServiceClient client, IEnumerable<string> userIds, CancellationToken ct)
    {
        var devices = new List<ManagedDevice>();
        var pending = new Queue<(string User, int Round)>(userIds.Select(u => (u, 0)));
        while (pending.Count > 0)
        {
            var batch = new BatchRequestContentCollection(client, StepsPerBatch);
            var steps = new Dictionary<string, (string User, int Round)>(StringComparer.Ordinal);
            while (steps.Count < StepsPerBatch && pending.TryDequeue(out var next))
            {
                var request = client.Users[next.User].ManagedDevices.ToGetRequestInformation(r => r.QueryParameters.Select = Properties);
                steps[await batch.AddBatchRequestStepAsync(request)] = next;
            }

            var answer = await client.Batch.PostAsync(batch, ct);
            var codes = await answer.GetResponsesStatusCodesAsync();
            var wait = TimeSpan.Zero;
            foreach (var (step, (user, round)) in steps)
            {
                var code = codes[step];
                if (code is HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError && round < IntuneGraph.MaxRetries)
                {
                    using var refused = await answer.GetResponseByIdAsync(step);
                    wait = TimeSpan.FromTicks(Math.Max(wait.Ticks, BatchBackoff.Delay(refused.Headers.RetryAfter?.Delta, round).Ticks));
                    pending.Enqueue((user, round + 1));
                }
                else if (code != HttpStatusCode.NotFound)
                {
                    devices.AddRange(await DevicesAsync(client, answer, step, code, ct));
                }
            }

            if (wait > TimeSpan.Zero)
            {
                // Wall-clock time on purpose: Retry-After is Graph's clock, not the service's (tests fake the latter).
                await Task.Delay(wait, ct);
            }
        }

        return devices;
    }

    private static async Task<IReadOnlyList<ManagedDevice>> DevicesAsync(
        GraphServiceClient client, BatchResponseContentCollection answer, string step, HttpStatusCode code, CancellationToken ct)
    {
        if ((int)code is < 200 or > 299)
        {
            using var failed = await answer.GetResponseByIdAsync(step);
            throw await BatchStepError.ReadAsync(failed, ct);
        }

        var page = await answer.GetResponseByIdAsync<ManagedDeviceCollectionResponse>(step);
        return await GraphPages.AllAsync<ManagedDevice, ManagedDeviceCollectionResponse>(client, page, ct);
    }
}
