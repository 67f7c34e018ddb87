using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Whfb.Insights.Alerts;
using Whfb.Insights.Extensions;
using Whfb.Insights.Tests.Support;
using Xunit;

namespace Whfb.Insights.Tests.Alerts;

/// <summary>The alert webhook client as Insights registers it, against a real receiver: the dispatcher retries, the client does not.</summary>
public sealed class WebhookClientResilienceTests
{
    [Fact]
    public async Task A_failed_post_to_a_receiver_is_not_retried_by_the_client()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.FailNext = 1;
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Insights:Alerts:AllowLoopback"] = "true" });
        builder.AddAlerts();
        using var host = builder.Build();
        using var http = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient(AlertDispatcher.HttpClientName);

        using var response = await http.PostAsync(receiver.Url, new StringContent("{}"));

        Assert.Equal(500, (int)response.StatusCode);
        Assert.Equal(1, receiver.Arrived);
    }
}
