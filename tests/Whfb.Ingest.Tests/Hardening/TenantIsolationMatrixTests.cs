using System.Net.Http.Json;
using Npgsql;
using Whfb.Testing;
using Whfb.Testing.Security;
using Xunit.Abstractions;

namespace Whfb.Ingest.Tests.Hardening;

/// <summary>
/// Every route of Ingest's OpenAPI document, called by tenant B's operator, admin, enrollment key and device key with
/// tenant A's collector-key and device ids: no answer shows tenant A's keys, and tenant A's keys are unchanged.
/// </summary>
public sealed class TenantIsolationMatrixTests(CorpusHost host, ITestOutputHelper output) : IClassFixture<CorpusHost>
{
    [Fact]
    public async Task Tenant_B_reaches_nothing_of_tenant_A_on_any_route()
    {
        var deviceA = Guid.NewGuid();
        var enrollmentA = await host.CreateKeyAsync(IngestHost.TenantA, "tenant-a-fleet");
        var importA = await host.CreateKeyAsync(IngestHost.TenantA, "tenant-a-import", "import");
        var enrolledA = await host.EnrollAsync(IngestHost.TenantA, deviceA, enrollmentA.Key, "TENANT-A-PC");
        await Eventually.Async(async () => await LastUsedAsync(enrollmentA.Id));
        var deviceB = Guid.NewGuid();
        var record = System.Text.Json.JsonSerializer.Serialize(CollectorBodies.Record(deviceA, 1));
        var matrix = new TenantIsolationMatrix
        {
            Service = "ingest",
            DocumentReader = host.Client("ApiKey", host.OperatorKeyA),
            Intruders = new Dictionary<string, HttpClient>
            {
                ["operator-b"] = host.Client("ApiKey", host.OperatorKeyB),
                ["admin-b"] = host.Admin(IngestHost.TenantB),
                ["enrollment-key-b"] = await host.CollectorAsync(IngestHost.TenantB),
                ["device-key-b"] = await host.DeviceAsync(IngestHost.TenantB, deviceB),
            },
            IdsOfA = new Dictionary<string, string>
            {
                ["/v1/admin/collector-keys/{id}#id"] = enrollmentA.Id.ToString(),
                ["deviceId"] = deviceA.ToString(),
            },
            Bodies = new Dictionary<string, (string, string)>
            {
                ["POST /v1/events"] = ("application/x-ndjson", record),
                ["POST /v1/dsregcmd"] = ("text/plain", $"| Device Details |\n\n                 DeviceId : {deviceA}\n"),
                ["POST /v1/policy-state"] = ("application/json", $"{{\"deviceId\":\"{deviceA}\",\"collectedAt\":\"{DateTimeOffset.UtcNow.AddMinutes(-5):O}\",\"gpo\":{{}},\"mdm\":{{}}}}"),
                ["POST /v1/enroll"] = ("application/json", $"{{\"deviceId\":\"{deviceA}\",\"deviceName\":\"B-TAKES-A\"}}"),
                ["POST /v1/admin/collector-keys"] = ("application/json", "{\"name\":\"b's key\"}"),
            },
            ValuesOfA =
            [
                enrollmentA.Id.ToString(), importA.Id.ToString(), enrolledA.Id.ToString(), enrollmentA.KeyPrefix, importA.KeyPrefix, enrolledA.KeyPrefix,
                "tenant-a-fleet", "tenant-a-import", "TENANT-A-PC", IngestHost.TenantA.ToString(),
            ],
            RowsOfA = () => TenantRows.FingerprintAsync(host.ConnectionString, IngestHost.TenantA),
        };

        var tally = await matrix.RunAsync();

        output.WriteLine(tally.ToString());
        tally.AssertClean();
        Assert.True(tally.Calls >= 8 * 4, tally.ToString());
        var mine = await host.Client("Bearer", enrolledA.Key).PostAsync("/v1/events", CollectorBodies.Text(record, "application/x-ndjson"));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, mine.StatusCode);
    }

    private async Task<bool> LastUsedAsync(Guid key)
    {
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT last_used_at IS NOT NULL FROM collector_keys WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", key);
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
