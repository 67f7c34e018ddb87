using System.Net;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;

namespace Whfb.Ingest.Tests;

/// <summary>Whatever a collector posts, Ingest answers 202, 400 or 415 (a content type the endpoint does not take): never a 500.</summary>
public sealed class NeverA500Properties(NeverA500Properties.Host host) : IClassFixture<NeverA500Properties.Host>
{
    private static readonly string[] Paths = ["/v1/events", "/v1/dsregcmd", "/v1/policy-state"];
    private static readonly string[] MediaTypes = ["application/json", "application/x-ndjson", "text/plain", "application/octet-stream"];

    private static readonly object?[] OddValues =
        [null, "", "x", "not-a-guid", -1, long.MaxValue, 1e308, true, Array.Empty<int>(), new { }, new[] { new[] { new[] { 1 } } }, new string('9', 5000), "\u0000\ud7ff", "2999-01-01T00:00:00Z"];

    public sealed class Host : IngestHost
    {
        protected override IReadOnlyDictionary<string, string?> Overrides => new Dictionary<string, string?> { ["Ingest:BurstPerKey"] = "100000" };
    }

    [Fact]
    public async Task Random_bytes_to_any_endpoint_never_yield_a_500()
    {
        var collector = await host.CollectorAsync(IngestHost.TenantA);
        var property = Prop.ForAll(ArbMap.Default.ArbFor<NonNull<byte[]>>(), ArbMap.Default.ArbFor<PositiveInt>(), ArbMap.Default.ArbFor<PositiveInt>(), (bytes, path, type) =>
            Answer(collector, Paths[path.Get % Paths.Length], bytes.Get, MediaTypes[type.Get % MediaTypes.Length])
                is HttpStatusCode.Accepted or HttpStatusCode.BadRequest or HttpStatusCode.UnsupportedMediaType);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }

    [Fact]
    public async Task Mutated_records_never_yield_a_500()
    {
        var collector = await host.CollectorAsync(IngestHost.TenantA);
        var fields = CollectorBodies.Record(Guid.Empty, 0).Keys.Append("message").ToArray();
        var property = Prop.ForAll(ArbMap.Default.ArbFor<PositiveInt>(), ArbMap.Default.ArbFor<PositiveInt>(), ArbMap.Default.ArbFor<int[]>(), (field, value, flips) =>
        {
            var record = CollectorBodies.Record(Guid.NewGuid(), field.Get);
            record[fields[field.Get % fields.Length]] = OddValues[value.Get % OddValues.Length];
            if (value.Get % 7 == 0)
                record.Remove(fields[field.Get % fields.Length]);
            var body = JsonSerializer.SerializeToUtf8Bytes(record);
            foreach (var flip in flips ?? [])
                body[(int)((uint)flip % (uint)body.Length)] ^= (byte)(flip >> 8 | 1);
            return Answer(collector, "/v1/events", [.. body, (byte)'\n', .. body], "application/x-ndjson") is HttpStatusCode.Accepted or HttpStatusCode.BadRequest;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }

    private static HttpStatusCode Answer(HttpClient collector, string path, byte[] body, string mediaType) =>
        collector.PostAsync(path, CollectorBodies.Bytes(body, mediaType)).GetAwaiter().GetResult().StatusCode;
}
