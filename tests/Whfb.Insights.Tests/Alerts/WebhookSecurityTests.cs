using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Whfb.Contracts.Keys;
using Whfb.Insights.Alerts;
using Whfb.Insights.Tests.Support;
using Whfb.ServiceDefaults.Security;
using Whfb.Testing;
using Xunit;

namespace Whfb.Insights.Tests.Alerts;

/// <summary>A tenant admin sets webhook URLs: Insights must not post inward, follow redirects, keep secrets in clear, or let one tenant's receivers stall others.</summary>
[Collection(AlertsCollection.Name)]
public sealed class WebhookSecurityTests(AlertsHost host)
{
    [Theory]
    [InlineData("http://hooks.example.com/x", "must use https")]
    [InlineData("https://169.254.169.254/latest/meta-data/", "internal address")]
    [InlineData("https://10.1.2.3/hook", "internal address")]
    [InlineData("https://192.168.0.10:8443/hook", "internal address")]
    [InlineData("https://[fd00::1]/hook", "internal address")]
    [InlineData("https://[::ffff:10.0.0.1]/hook", "internal address")]
    [InlineData("https://admin:pw@hooks.example.com/x", "credentials in the URL")]
    [InlineData("ftp://example", "absolute https URL")]
    public async Task An_inward_or_insecure_url_is_a_400_naming_the_url(string url, string reason)
    {
        var response = await host.Client(InsightsHost.TenantA, WhfbRoles.Admin).PostAsJsonAsync("/v1/webhooks",
            new { name = "x", url, secret = WebhookClient.Secret });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains(reason, errors.GetProperty("url")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_that_resolves_inward_is_refused_when_connecting()
    {
        var destinations = new WebhookDestinations(Options.Create(new AlertOptions()));
        using var http = new HttpClient(new SocketsHttpHandler { ConnectCallback = destinations.ConnectAsync });

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri("http://localhost:9/")));

        Assert.Contains("resolves only to internal addresses", error.Message, StringComparison.Ordinal);
        Assert.True(destinations.Allows(IPAddress.Parse("20.190.128.1")));
        Assert.False(destinations.Allows(IPAddress.Parse("::ffff:127.0.0.1")));
    }

    [Fact]
    public async Task A_redirect_is_not_followed_and_the_attempt_says_so()
    {
        await using var target = await WebhookReceiver.StartAsync();
        await using var redirecting = await WebhookReceiver.StartAsync();
        redirecting.RedirectTo = target.Url;
        var tenant = host.NewTenant();
        await host.RegisterAsync(tenant, redirecting, "pipeline-stalled");

        await host.PublishAsync(new SyncPipelineStalled(Guid.NewGuid(), tenant, host.Time.GetUtcNow(), null, 3));

        await Eventually.Async(async () => await host.ScalarAsync(
            "SELECT count(*) FROM alert_deliveries d JOIN alerts a ON a.id = d.alert_id WHERE a.tenant_id = @t AND d.last_error LIKE 'HTTP 302 (redirects are not followed)%'",
            ("t", tenant)) == 1);
        Assert.Empty(target.Requests);
    }

    [Fact]
    public async Task A_secret_and_url_are_stored_encrypted_and_still_sign_and_deliver()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var tenant = host.NewTenant();
        await host.RegisterAsync(tenant, receiver, "pipeline-stalled");

        await host.PublishAsync(new SyncPipelineStalled(Guid.NewGuid(), tenant, host.Time.GetUtcNow(), null, 3));
        await Eventually.Async(() => Task.FromResult(receiver.Requests.Count == 1));

        Assert.Equal(0, await host.ScalarAsync("SELECT count(*) FROM webhooks WHERE secret LIKE '%' || @s || '%'", ("s", WebhookClient.Secret)));
        Assert.Equal(1, await host.ScalarAsync("SELECT count(*) FROM webhooks WHERE tenant_id = @t AND secret LIKE 'dp1:%' AND url LIKE 'dp1:%'", ("t", tenant)));
        Assert.Equal(0, await host.ScalarAsync("SELECT count(*) FROM webhooks WHERE url LIKE '%' || @u || '%'", ("u", receiver.Url.Authority)));
        var request = receiver.Requests.Single();
        Assert.True(WebhookSignature.Verify(WebhookClient.Secret, long.Parse(request.Headers[WebhookSignature.TimestampHeader],
            System.Globalization.CultureInfo.InvariantCulture), request.Body, request.Headers[WebhookSignature.Header]));
    }

    [Fact]
    public async Task A_secret_and_url_an_earlier_version_stored_in_clear_are_encrypted_at_start_and_still_deliver()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var tenant = host.NewTenant();
        var id = await host.RegisterAsync(tenant, receiver, "pipeline-stalled");
        Assert.Equal(1, await host.ScalarAsync(
            "WITH u AS (UPDATE webhooks SET url = @u, secret = @s WHERE id = @id RETURNING 1) SELECT count(*) FROM u",
            ("u", receiver.Url.ToString()), ("s", WebhookClient.Secret), ("id", id)));

        var services = host.Service.Services;
        await new WebhookSecretUpgrade(services.GetRequiredService<Npgsql.NpgsqlDataSource>(), services.GetRequiredService<WebhookSecrets>(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<WebhookSecretUpgrade>.Instance).StartAsync(default);

        Assert.Equal(1, await host.ScalarAsync("SELECT count(*) FROM webhooks WHERE id = @id AND secret LIKE 'dp1:%' AND url LIKE 'dp1:%'", ("id", id)));
        await host.PublishAsync(new SyncPipelineStalled(Guid.NewGuid(), tenant, host.Time.GetUtcNow(), null, 3));
        await Eventually.Async(() => Task.FromResult(receiver.Requests.Count == 1));
    }

    [Fact]
    public async Task A_tenant_may_register_at_most_twenty_webhooks()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var tenant = host.NewTenant();
        for (var i = 0; i < 20; i++)
        {
            await host.RegisterAsync(tenant, receiver, "key-stuck");
        }

        var response = await host.Client(tenant, WhfbRoles.Admin).PostAsJsonAsync("/v1/webhooks",
            new { name = "one-too-many", url = receiver.Url.ToString(), secret = WebhookClient.Secret });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("at most 20 webhooks", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tenant_whose_receiver_hangs_does_not_hold_up_another_tenants_notification()
    {
        await using var hanging = await WebhookReceiver.StartAsync();
        await using var healthy = await WebhookReceiver.StartAsync();
        var release = new TaskCompletionSource();
        hanging.Hold = release.Task;
        var (slow, fast) = (host.NewTenant(), host.NewTenant());
        await host.RegisterAsync(slow, hanging, "pipeline-stalled");
        await host.RegisterAsync(fast, healthy, "pipeline-stalled");
        try
        {
            await host.PublishAsync(new SyncPipelineStalled(Guid.NewGuid(), slow, host.Time.GetUtcNow(), null, 3));
            await Eventually.Async(() => Task.FromResult(Volatile.Read(ref hanging.Arrived) >= 1));

            await host.PublishAsync(new SyncPipelineStalled(Guid.NewGuid(), fast, host.Time.GetUtcNow(), null, 3));

            await Eventually.Async(() => Task.FromResult(healthy.Requests.Count == 1));
            Assert.False(release.Task.IsCompleted);
            Assert.Empty(hanging.Requests);
        }
        finally
        {
            release.SetResult();
        }
    }
}
