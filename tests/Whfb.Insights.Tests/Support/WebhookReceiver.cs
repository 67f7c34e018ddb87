using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Whfb.Insights.Tests.Support;

/// <summary>A real HTTP listener (Kestrel on a loopback port) that records every notification and can fail on purpose.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;

    private WebhookReceiver(WebApplication app) => this.app = app;

    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>While above zero, each request is answered 500 and the count goes down.</summary>
    public int FailNext;

    public bool FailAll { get; set; }

    /// <summary>When set, every request is answered 302 to this URL instead of being recorded.</summary>
    public Uri? RedirectTo { get; set; }

    /// <summary>When set, every request waits for this task before it is answered (a receiver that hangs).</summary>
    public Task? Hold { get; set; }

    /// <summary>Requests that arrived, including those still held.</summary>
    public int Arrived;

    public Uri Url => new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook");

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            Interlocked.Increment(ref receiver.Arrived);
            if (receiver.RedirectTo is { } target)
            {
                return Results.Redirect(target.ToString());
            }

            if (receiver.Hold is { } hold)
            {
                await hold;
            }

            var body = await new StreamReader(request.Body).ReadToEndAsync();
            receiver.Requests.Enqueue(new Received(request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body));
            return receiver.FailAll || Interlocked.Decrement(ref receiver.FailNext) >= 0 ? Results.StatusCode(500) : Results.Ok();
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    public sealed record Received(IReadOnlyDictionary<string, string> Headers, string Body);
}
