using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Whfb.Ingest.Tests;

public sealed class BadInputTests(IngestHost host) : IClassFixture<IngestHost>
{
    public static TheoryData<string, byte[], int, string?> Bodies => new()
    {
        { "malformed JSON", "{\"deviceId\": "u8.ToArray(), 1, null },
        { "malformed NDJSON line 2", "{\"a\":1}\n{nope\n"u8.ToArray(), 2, null },
        { "invalid UTF-8", [.. "{\"deviceId\":\""u8, 0xC3, 0x28, .. "\"}"u8], 1, null },
        { "wrong type", """{"deviceId":"6f1c2b9e-3d4a-4e5f-8a7b-1c2d3e4f5a6b","channel":"c","eventId":"x","recordId":1,"timeCreated":"2026-01-01T00:00:00Z"}"""u8.ToArray(), 1, "eventId" },
        { "missing device id", """{"channel":"c","eventId":300,"recordId":1,"timeCreated":"2026-01-01T00:00:00Z"}"""u8.ToArray(), 1, "deviceId" },
        { "lone surrogate", """{"deviceId":"6f1c2b9e-3d4a-4e5f-8a7b-1c2d3e4f5a6b","channel":"c","eventId":300,"recordId":1,"timeCreated":"2026-12-01T00:00:00Z","message":"\ud800"}"""u8.ToArray(), 1, "message" },
        { "NUL in the device name", """{"deviceId":"6f1c2b9e-3d4a-4e5f-8a7b-1c2d3e4f5a6b","channel":"c","eventId":300,"recordId":1,"timeCreated":"2026-12-01T00:00:00Z","deviceName":"PC\u0000"}"""u8.ToArray(), 1, "deviceName" },
        { "year 1", """{"deviceId":"6f1c2b9e-3d4a-4e5f-8a7b-1c2d3e4f5a6b","channel":"c","eventId":300,"recordId":1,"timeCreated":"0001-01-01T00:00:00Z"}"""u8.ToArray(), 1, "timeCreated" },
        { "older than 90 days", """{"deviceId":"6f1c2b9e-3d4a-4e5f-8a7b-1c2d3e4f5a6b","channel":"c","eventId":300,"recordId":1,"timeCreated":"1901-01-01T00:00:00Z"}"""u8.ToArray(), 1, "timeCreated" },
        { "far future", """{"deviceId":"6f1c2b9e-3d4a-4e5f-8a7b-1c2d3e4f5a6b","channel":"c","eventId":300,"recordId":1,"timeCreated":"2999-01-01T00:00:00Z"}"""u8.ToArray(), 1, "timeCreated" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Bad_input_is_a_400_problem_naming_the_line_and_field(string why, byte[] body, int line, string? field)
    {
        var response = await (await host.CollectorAsync(IngestHost.TenantA)).PostAsync("/v1/events", CollectorBodies.Bytes(body, "application/x-ndjson"));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, why);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var error = problem.GetProperty("errors").EnumerateArray().Last();
        Assert.Equal(line, error.GetProperty("line").GetInt32());
        Assert.Equal(field, error.GetProperty("field").GetString());
        Assert.Contains($"line {problem.GetProperty("errors")[0].GetProperty("line").GetInt32()}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(problem.TryGetProperty("traceId", out _));
    }

    [Fact]
    public async Task A_request_without_a_collector_key_is_a_401_problem()
    {
        var response = await host.Factory.CreateClient().PostAsync("/v1/events", CollectorBodies.Text("[]", "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
