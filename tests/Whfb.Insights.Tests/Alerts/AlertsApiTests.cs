using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Whfb.Contracts.Keys;
using Whfb.Insights.Tests.Support;
using Whfb.ServiceDefaults.Security;
using Whfb.Testing;
using Xunit;
using static Whfb.Insights.Tests.Support.Events;

namespace Whfb.Insights.Tests.Alerts;

[Collection(AlertsCollection.Name)]
public sealed class AlertsApiTests(AlertsHost host)
{
    [Fact]
    public async Task Webhooks_are_admin_only_and_never_show_their_secret_or_their_whole_url()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client(InsightsHost.TenantA).GetAsync("/v1/webhooks")).StatusCode);
        await host.RegisterAsync(InsightsHost.TenantA, receiver, "key-stuck");

        var list = await host.Client(InsightsHost.TenantA, WhfbRoles.Admin).GetStringAsync("/v1/webhooks");
        Assert.Contains($"{receiver.Url.Scheme}://{receiver.Url.Authority}/[redacted]", list, StringComparison.Ordinal);
        Assert.DoesNotContain(receiver.Url.ToString(), list, StringComparison.Ordinal);
        Assert.DoesNotContain(WebhookClient.Secret, list);
        Assert.DoesNotContain("secret", list, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(receiver.Url.Authority, await host.Client(InsightsHost.TenantB, WhfbRoles.Admin).GetStringAsync("/v1/webhooks"));
    }

    [Fact]
    public async Task An_invalid_webhook_is_a_400_naming_the_field()
    {
        var response = await host.Client(InsightsHost.TenantA, WhfbRoles.Admin).PostAsJsonAsync("/v1/webhooks",
            new { name = "x", url = "ftp://example", secret = WebhookClient.Secret });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("url", out _));
    }

    [Fact]
    public async Task An_operator_lists_and_acknowledges_alerts()
    {
        var (user, device) = (Guid.NewGuid(), Guid.NewGuid());
        await host.PublishAsync(Stuck(InsightsHost.TenantA, user, device, host.Time.GetUtcNow()));
        var client = host.Client(InsightsHost.TenantA);
        JsonElement alert = default;
        await Eventually.Async(async () =>
        {
            var alerts = (await client.JsonAsync("/v1/alerts?state=open")).GetProperty("alerts").EnumerateArray();
            alert = alerts.FirstOrDefault(a => a.GetProperty("deviceId").GetString() == device.ToString());
            return alert.ValueKind == JsonValueKind.Object;
        });

        var ack = await client.PostAsync($"/v1/alerts/{alert.GetProperty("id").GetString()}/ack", null);

        Assert.Equal(HttpStatusCode.NoContent, ack.StatusCode);
        var acked = (await client.JsonAsync("/v1/alerts")).GetProperty("alerts").EnumerateArray()
            .Single(a => a.GetProperty("id").GetString() == alert.GetProperty("id").GetString());
        Assert.Equal($"{WhfbRoles.Operator}-{InsightsHost.TenantA}", acked.GetProperty("acknowledgedBy").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client(InsightsHost.TenantB).PostAsync($"/v1/alerts/{alert.GetProperty("id").GetString()}/ack", null)).StatusCode);
    }

    [Fact]
    public async Task Folded_alerts_are_listed_only_with_folded_true_and_counted_on_their_pipeline_alert()
    {
        var (tenant, now) = (host.NewTenant(), host.Time.GetUtcNow());
        await host.StallAsync(tenant, now, 3);
        await host.PublishAsync(Stuck(tenant, Guid.NewGuid(), Guid.NewGuid(), now, StuckKeyHint.PipelineStalled, StuckKeyHint.AttributeUnreadable));
        await host.SettledAsync(tenant, "a.kind = 'key-stuck'", 4);
        var client = host.Client(tenant);

        var listed = (await client.JsonAsync("/v1/alerts")).GetProperty("alerts").EnumerateArray().ToList();
        var all = (await client.JsonAsync("/v1/alerts?folded=true")).GetProperty("alerts").EnumerateArray().ToList();
        var pipelineOnly = (await client.JsonAsync("/v1/alerts?kind=pipeline-stalled&folded=TRUE")).GetProperty("alerts").EnumerateArray().ToList();

        var pipeline = listed.Single(a => a.GetProperty("kind").GetString() == "pipeline-stalled");
        Assert.Equal((2, 3, JsonValueKind.Null), (listed.Count, pipeline.GetProperty("folded").GetInt32(), pipeline.GetProperty("foldedInto").ValueKind));
        Assert.All(listed, a => Assert.Equal(JsonValueKind.Null, a.GetProperty("foldedInto").ValueKind));
        Assert.Equal(5, all.Count);
        Assert.Equal(3, all.Count(a => a.GetProperty("foldedInto").GetString() == pipeline.GetProperty("id").GetString()));
        Assert.Equal(pipeline.GetProperty("id").GetString(), Assert.Single(pipelineOnly).GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("folded=yes", "folded")]
    [InlineData("folded=true,false", "folded")]
    [InlineData("kind=key-stuck,nope", "kind")]
    [InlineData("state=open,resolved", "state")]
    public async Task A_bad_alerts_query_is_a_400_naming_the_parameter(string query, string parameter)
    {
        var response = await host.Client(InsightsHost.TenantA).GetAsync($"/v1/alerts?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(parameter, out _));
    }
}
