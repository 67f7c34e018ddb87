using System.Net.Http.Json;
using System.Text.Json;
using Whfb.Insights.Tests.Support;
using Whfb.ServiceDefaults.Security;
using Whfb.Testing;
using Whfb.Testing.Security;
using Whfb.Testing.Security.Corpus;
using Xunit;
using Xunit.Abstractions;

namespace Whfb.Insights.Tests.Hardening;

/// <summary>
/// Insights' security suites on a host of their own (every row of its database is compared): the bad-input corpus
/// (a 4xx problem naming the field, no row written) and the tenant-isolation matrix over its OpenAPI document, with
/// tenant A's alert, webhook, device and user.
/// </summary>
public sealed class SecuritySuiteTests(InsightsHost host, ITestOutputHelper output) : IClassFixture<InsightsHost>
{
    private static readonly Guid A = InsightsHost.TenantA;
    private static readonly Guid B = InsightsHost.TenantB;

    [Fact]
    public async Task Bad_input_is_refused_naming_its_field_and_tenant_B_reaches_nothing_of_tenant_A()
    {
        var seeded = await SeedTenantAAsync();

        var corpus = await BadInputRunner.RunAsync("insights", InsightsCorpus.Cases, role => host.Client(A, role),
            () => TenantRows.FingerprintAsync(host.ConnectionString));
        var matrix = await new TenantIsolationMatrix
        {
            Service = "insights",
            DocumentReader = host.Client(A),
            Intruders = new Dictionary<string, HttpClient> { ["operator-b"] = host.Client(B), ["admin-b"] = host.Client(B, WhfbRoles.Admin) },
            IdsOfA = new Dictionary<string, string>
            {
                ["/v1/alerts/{id}/ack#id"] = seeded.Alert,
                ["/v1/webhooks/{id}#id"] = seeded.Webhook,
                ["deviceId"] = seeded.Device.ToString(),
                ["user"] = seeded.User.ToString(),
            },
            Bodies = new Dictionary<string, (string, string)>
            {
                ["POST /v1/webhooks"] = ("application/json", Hook("tenant-b-hook", "http://127.0.0.1:9/b")),
                ["PUT /v1/webhooks/{id}"] = ("application/json", Hook("tenant-b-takes-a", "http://127.0.0.1:9/b")),
            },
            // The dashboard's static files (HTML, script, style) hold no tenant's data: they call the APIs above.
            NotTenantScoped = new HashSet<string> { "GET /dashboard/{file}" },
            ValuesOfA = [seeded.Alert, seeded.Webhook, seeded.Device.ToString(), seeded.User.ToString(), seeded.Url, A.ToString()],
            RowsOfA = () => TenantRows.FingerprintAsync(host.ConnectionString, A),
        }.RunAsync();

        output.WriteLine(corpus.ToString());
        output.WriteLine(matrix.ToString());
        corpus.AssertClean();
        matrix.AssertClean();
        var hooksOfA = await host.Client(A, WhfbRoles.Admin).GetStringAsync("/v1/webhooks");
        Assert.Contains("tenant-a-hook", hooksOfA, StringComparison.Ordinal);
        Assert.DoesNotContain("tenant-b-takes-a", hooksOfA, StringComparison.Ordinal);
    }

    private static string Hook(string name, string url) =>
        JsonSerializer.Serialize(new { name, url, secret = WebhookClient.Secret, format = "generic", kinds = new[] { "rollout-halted" } });

    /// <summary>A stuck key of tenant A (its alert, history and projections), then a webhook of A for another alert kind (no delivery).</summary>
    private async Task<(string Alert, string Webhook, Guid Device, Guid User, string Url)> SeedTenantAAsync()
    {
        var (user, device) = (Guid.NewGuid(), Guid.NewGuid());
        await host.PublishAsync(Events.Stuck(A, user, device, DateTimeOffset.UtcNow.AddMinutes(-1)));
        string? alert = null;
        await Eventually.Async(async () =>
        {
            var alerts = (await host.Client(A).JsonAsync("/v1/alerts")).GetProperty("alerts").EnumerateArray().ToList();
            alert = alerts.Select(a => a.GetProperty("id").GetString()).FirstOrDefault();
            return alert is not null;
        });
        var url = $"http://127.0.0.1:9/tenant-a-{Guid.NewGuid():N}";
        var created = await host.Client(A, WhfbRoles.Admin).PostAsync("/v1/webhooks",
            new StringContent(Hook("tenant-a-hook", url), System.Text.Encoding.UTF8, "application/json"));
        var webhook = (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await Eventually.Async(async () => await host.ScalarAsync("SELECT count(*) FROM history WHERE device_id = @d", ("d", device)) > 0);
        return (alert!, webhook, device, user, url);
    }
}
