using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Whfb.Contracts.Devices;
using Whfb.Ingest.Publishing;
using Whfb.Testing;

namespace Whfb.Ingest.Tests;

/// <summary>
/// The broker stalls (its connection relayed through <see cref="StallingRelay"/>, which stops passing bytes on): the
/// publish queue stays bounded, a full queue is refused at once, and requests that stopped waiting (timed out, client
/// gone) are taken out of the queue, so their events are never published.
/// </summary>
public sealed class PublishQueueTests(PublishQueueTests.Host host) : IClassFixture<PublishQueueTests.Host>
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(3);

    public sealed class Host : IngestHost
    {
        public StallingRelay Relay { get; } = new();

        public ConfirmedPublisher Publisher => Factory.Services.GetRequiredService<ConfirmedPublisher>();

        protected override bool UseKestrel => true;

        protected override IReadOnlyDictionary<string, string?> Overrides => new Dictionary<string, string?>
        {
            ["ConnectionStrings:rabbitmq"] = Relay.Through(VirtualHost.AmqpConnectionString),
            ["Ingest:ConcurrentPublishes"] = "1",
            ["Ingest:PublishQueueRequests"] = "2",
            ["Ingest:PublishTimeout"] = PublishTimeout.ToString(),
            ["Ingest:BrokerRetryAfterSeconds"] = "9",
        };

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            await Relay.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_full_queue_answers_503_at_once_and_a_request_that_timed_out_in_the_queue_is_never_published()
    {
        await using var probe = await BusProbe.BindAsync(host.VirtualHost, typeof(DeviceLogEntryRecorded));
        var (a, b) = (await host.CollectorAsync(IngestHost.TenantA), await host.CollectorAsync(IngestHost.TenantB));
        var devices = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToArray();
        var inFlight = await StallWithOneInFlightAsync(a, devices[0]);
        var otherTenant = Post(b, devices[1]);
        var timesOutQueued = Post(a, devices[2]);
        await Eventually.Async(() => Task.FromResult(host.Publisher.Queued == 2), PublishTimeout);

        var refused = await Post(b, devices[3]);
        Assert.False(inFlight.IsCompleted, "the queue-full answer came before the stalled publish gave up");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(9), refused.Headers.RetryAfter?.Delta);
        Assert.Equal("Ingest is busy", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());

        // The stalled publish gives up its slot no sooner than its timeout; by then both queued requests have less than
        // a quarter of theirs left, so whichever turn comes first, neither is published, and none is left in the queue.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await timesOutQueued).StatusCode);
        await Task.WhenAll(inFlight, otherTenant);
        Assert.Equal(0, host.Publisher.Queued);
        host.Relay.Resume();

        await PostUntilAcceptedAsync(a, devices[4]);
        await AssertArrivedWithoutAsync(probe, devices[4], devices[2], devices[3]);
    }

    [Fact]
    public async Task A_queued_request_whose_client_went_away_leaves_the_queue_at_once_and_is_never_published()
    {
        await using var probe = await BusProbe.BindAsync(host.VirtualHost, typeof(DeviceLogEntryRecorded));
        var (a, b) = (await host.CollectorAsync(IngestHost.TenantA), await host.CollectorAsync(IngestHost.TenantB));
        var devices = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToArray();
        var inFlight = await StallWithOneInFlightAsync(a, devices[0]);
        using var giveUp = new CancellationTokenSource();
        var gone = Post(b, devices[1], giveUp.Token);
        await Eventually.Async(() => Task.FromResult(host.Publisher.Queued == 1), PublishTimeout);

        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gone);
        await Eventually.Async(() => Task.FromResult(host.Publisher.Queued == 0), PublishTimeout);
        Assert.False(inFlight.IsCompleted, "the request left the queue while the publish before it still waited");
        host.Relay.Resume();
        await inFlight;

        await PostUntilAcceptedAsync(b, devices[2]);
        await AssertArrivedWithoutAsync(probe, devices[2], devices[1]);
    }

    /// <summary>Stalls the broker and posts a request that takes the only publish slot and stays there.</summary>
    private async Task<Task<HttpResponseMessage>> StallWithOneInFlightAsync(HttpClient collector, Guid device)
    {
        host.Relay.Stall();
        var inFlight = Post(collector, device);
        await Eventually.Async(() => Task.FromResult(host.Publisher.InFlight == 1), PublishTimeout);
        return inFlight;
    }

    private static Task<HttpResponseMessage> Post(HttpClient collector, Guid device, CancellationToken cancellationToken = default) =>
        collector.PostAsync("/v1/events", CollectorBodies.Ndjson([CollectorBodies.Record(device, 1, eventId: 306)]), cancellationToken);

    /// <summary>As a collector would after the broker came back: the first publish may still find a channel to recover.</summary>
    private static Task PostUntilAcceptedAsync(HttpClient collector, Guid device) =>
        Eventually.Async(async () => (await Post(collector, device)).StatusCode == HttpStatusCode.Accepted, TimeSpan.FromSeconds(30));

    /// <summary>
    /// Waits for <paramref name="last"/>'s event: anything queued before it in its tenant's line would have been
    /// published no later, so the absent devices are known never to have gone out.
    /// </summary>
    private static async Task AssertArrivedWithoutAsync(BusProbe probe, Guid last, params Guid[] absent)
    {
        await Eventually.Async(async () => (await probe.AllOfAsync<DeviceLogEntryRecorded>()).Any(e => Device(e) == last), TimeSpan.FromSeconds(20));
        var published = (await probe.AllOfAsync<DeviceLogEntryRecorded>()).Select(Device).ToHashSet();
        Assert.All(absent, device => Assert.DoesNotContain(device, published));
    }

    private static Guid Device(JsonElement e) => e.GetProperty("header").GetProperty("deviceId").GetGuid();
}
