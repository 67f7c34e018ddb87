using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Whfb.Ingest;
using Whfb.Insights;
using Whfb.Testing;
using Xunit;

namespace Whfb.EndToEnd.Tests;

/// <summary>A device event posted to Ingest crosses RabbitMQ and lands in Insights' PostgreSQL history, in one trace.</summary>
public sealed class WalkingSkeletonTests : IAsyncLifetime
{
    private static readonly Guid Tenant = Guid.Parse("8f0a3c1e-4b7d-4e21-9a55-0c6d2e7f1b90");
    private readonly List<Activity> spans = [];
    private IsolatedDatabase ingestDb = null!;
    private IsolatedDatabase insightsDb = null!;
    private IsolatedVirtualHost vhost = null!;
    private TracerProvider tracing = null!;
    private ServiceFactory<IngestApp> ingest = null!;
    private ServiceFactory<InsightsApp> insights = null!;

    public async Task InitializeAsync()
    {
        ingestDb = await IsolatedDatabase.CreateAsync("e2e_ingest");
        insightsDb = await IsolatedDatabase.CreateAsync("e2e_insights");
        vhost = await IsolatedVirtualHost.CreateAsync("e2e");
        tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource("MassTransit", "Whfb", "Npgsql")
            .AddAspNetCoreInstrumentation()
            .AddInMemoryExporter(spans)
            .Build()!;
        ingest = new ServiceFactory<IngestApp>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:ingestdb"] = ingestDb.ConnectionString,
            ["ConnectionStrings:rabbitmq"] = vhost.AmqpConnectionString,
        });
        insights = new ServiceFactory<InsightsApp>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:insightsdb"] = insightsDb.ConnectionString,
            ["ConnectionStrings:rabbitmq"] = vhost.AmqpConnectionString,
        });
        _ = insights.Server; // start the consumer before anything is published
    }

    public async Task DisposeAsync()
    {
        await ingest.DisposeAsync();
        await insights.DisposeAsync();
        tracing.Dispose();
        await vhost.DisposeAsync();
        await ingestDb.DisposeAsync();
        await insightsDb.DisposeAsync();
    }

    [Fact]
    public async Task Posted_event_is_stored_by_Insights_in_one_trace_from_HTTP_to_SQL()
    {
        var device = Guid.NewGuid();
        var response = await (await ingest.CollectorClientAsync(Tenant)).PostAsync("/v1/events", SampleEvents.Json(device, 1000, 3));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        await Eventually.Async(async () => await StoredAsync(device) == 3);

        // The consumer's span ends only after the commit that StoredAsync already sees: wait for the trace to be finished.
        var trace = new List<Activity>();
        await Eventually.Async(() =>
        {
            tracing.ForceFlush();
            var finished = spans.ToArray().Where(s => s is not null).ToList(); // the exporter keeps adding background spans
            var request = finished.SingleOrDefault(s => s.Kind == ActivityKind.Server && s.DisplayName.Contains("/v1/events", StringComparison.Ordinal));
            trace = request is null ? [] : finished.Where(s => s.TraceId == request.TraceId).ToList();
            return Task.FromResult(trace.Any(s => s.Source.Name == "MassTransit" && s.Kind == ActivityKind.Consumer));
        }, TimeSpan.FromSeconds(10));
        Assert.Single(trace, s => s.Kind == ActivityKind.Server && s.DisplayName.Contains("/v1/events", StringComparison.Ordinal));
        Assert.Contains(trace, s => s.Source.Name == "MassTransit" && s.Kind == ActivityKind.Producer);
        Assert.Contains(trace, s => s.Source.Name == "MassTransit" && s.Kind == ActivityKind.Consumer);
        // The history batch (COPY into history, then the projections) runs in the trace of its first message.
        Assert.Contains(trace, s => s.Source.Name == "Npgsql" &&
            (SqlOf(s).StartsWith("COPY history ", StringComparison.Ordinal) || SqlOf(s).Contains("INSERT INTO device_state", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_collector_retry_of_the_same_records_is_stored_once()
    {
        var device = Guid.NewGuid();
        var client = await ingest.CollectorClientAsync(Tenant);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/v1/events", SampleEvents.Json(device, 1, 4))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/v1/events", SampleEvents.Json(device, 1, 5))).StatusCode);

        await Eventually.Async(async () => await StoredAsync(device) == 5);
        await Task.Delay(500);
        Assert.Equal(5, await StoredAsync(device));
    }

    [Fact]
    public async Task Bad_lines_are_listed_with_their_line_and_the_good_ones_accepted()
    {
        var device = Guid.NewGuid();
        var at = DateTimeOffset.UtcNow.AddDays(-1).ToString("O");
        var ndjson = $$"""
            {"deviceId":"{{device}}","channel":"c","eventId":358,"recordId":1,"timeCreated":"{{at}}"}
            {"deviceId":"not-a-guid","channel":"c","eventId":358,"recordId":2,"timeCreated":"{{at}}"}
            {"deviceId":"{{device}}","channel":"c","eventId":300,"recordId":3,"timeCreated":"{{at}}"}
            """;
        var response = await (await ingest.CollectorClientAsync(Tenant)).PostAsync("/v1/events", new StringContent(ndjson, System.Text.Encoding.UTF8, "application/x-ndjson"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(2, body.RootElement.GetProperty("accepted").GetInt32());
        var rejected = Assert.Single(body.RootElement.GetProperty("rejected").EnumerateArray());
        Assert.Equal(2, rejected.GetProperty("line").GetInt32());
        Assert.Equal("deviceId", rejected.GetProperty("field").GetString());
        await Eventually.Async(async () => await StoredAsync(device) == 2);
    }

    [Fact]
    public async Task A_body_with_no_valid_record_is_a_problem_naming_the_line()
    {
        var response = await (await ingest.CollectorClientAsync(Tenant)).PostAsync("/v1/events", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, problem.GetProperty("errors")[0].GetProperty("line").GetInt32());
    }

    private static string SqlOf(Activity span) =>
        span.GetTagItem("db.query.text") as string ?? span.GetTagItem("db.statement") as string ?? span.DisplayName;

    private Task<long> StoredAsync(Guid device) => StoredHistory.CountForDeviceAsync(insightsDb.ConnectionString, device);
}
