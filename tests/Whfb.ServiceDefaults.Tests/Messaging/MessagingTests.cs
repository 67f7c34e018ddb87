using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Whfb.ServiceDefaults.Messaging;
using Whfb.Testing;
using Xunit;

namespace Whfb.ServiceDefaults.Tests.Messaging;

/// <summary>AddMessaging against the real RabbitMQ: names, queue type, retry then redelivery, then the _error queue.</summary>
public sealed class MessagingTests : IAsyncLifetime
{
    private IsolatedVirtualHost vhost = null!;

    public async Task InitializeAsync() => vhost = await IsolatedVirtualHost.CreateAsync("messaging");

    public async Task DisposeAsync() => await vhost.DisposeAsync();

    [Theory]
    [InlineData(false, "classic")]
    [InlineData(true, "quorum")]
    public async Task A_failing_message_is_retried_redelivered_then_moved_to_the_error_queue(bool quorum, string expectedType)
    {
        var attempts = new AttemptCounter();
        using var host = Build(quorum, attempts);
        await host.StartAsync();

        await host.Services.GetRequiredService<IPublishEndpoint>().Publish(new PoisonPill(Guid.NewGuid()));

        // The first attempt, 2 immediate retries, 1 late retry (redelivery without the broker plugin): 4 in all.
        await Eventually.Async(async () => await vhost.MessagesInQueueAsync("svc-poison-pill_error") == 1);
        Assert.Equal(4, attempts.Count);
        Assert.Equal(expectedType, await QueueTypeAsync("svc-poison-pill"));
        await host.StopAsync();
    }

    private IHost Build(bool quorum, AttemptCounter attempts)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:rabbitmq"] = vhost.AmqpConnectionString;
        builder.Configuration["Messaging:QuorumQueues"] = quorum.ToString();
        builder.Configuration["Messaging:RetryIntervalsMs:0"] = "10";
        builder.Configuration["Messaging:RetryIntervalsMs:1"] = "10";
        builder.Configuration["Messaging:RedeliveryIntervalsSec:0"] = "1";
        builder.AddServiceDefaults("svc");
        builder.AddMessaging(bus => bus.AddConsumer<PoisonPillConsumer>());
        builder.Services.AddSingleton(attempts);
        return builder.Build();
    }

    private async Task<string?> QueueTypeAsync(string queue)
    {
        using var doc = JsonDocument.Parse(await vhost.QueueJsonAsync(queue));
        return doc.RootElement.GetProperty("type").GetString();
    }
}
