using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit.Abstractions;

namespace Whfb.Ingest.Tests;

/// <summary>
/// Clients that announce the largest body Ingest takes and then send it slowly cost the memory of what they sent, not
/// of what they announced.
/// </summary>
/// <remarks>Alone: allocations are counted for the whole process, and other classes' requests would add to them.</remarks>
[Collection(Alone.Name)]
public sealed class SlowBodyTests(SlowBodyTests.Host host, ITestOutputHelper output) : IClassFixture<SlowBodyTests.Host>
{
    public sealed class Host : IngestHost
    {
        protected override bool UseKestrel => true;
    }

    [Fact]
    public async Task Twenty_slow_requests_announcing_the_body_limit_allocate_about_what_they_sent()
    {
        const int clients = 20;
        const int sent = 8 * 1024;
        var announced = new IngestOptions().MaxBodyBytes;
        var key = (await host.CreateKeyAsync(IngestHost.TenantA)).Key;
        var collector = host.Client("Bearer", key);
        Assert.Equal(HttpStatusCode.Accepted, (await collector.PostAsync("/v1/events", CollectorBodies.Ndjson([CollectorBodies.Record(Guid.NewGuid(), 1)]))).StatusCode);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var connections = new List<TcpClient>();
        try
        {
            for (var i = 0; i < clients; i++)
                connections.Add(await StartSlowPostAsync(key, announced, sent));

            // Long enough for the server to authenticate each request and read what arrived.
            await Task.Delay(TimeSpan.FromSeconds(3));
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            output.WriteLine($"{allocated / 1024} KiB allocated by the process while {clients} requests sent {sent / 1024} KiB each");

            Assert.True(allocated < clients * announced / 4,
                $"{allocated / (1024 * 1024)} MiB allocated for {clients} requests that sent {sent / 1024} KiB each and announced {announced / (1024 * 1024)} MiB");
        }
        finally
        {
            connections.ForEach(c => c.Dispose());
        }

        Assert.Equal(HttpStatusCode.Accepted, (await collector.PostAsync("/v1/events", CollectorBodies.Ndjson([CollectorBodies.Record(Guid.NewGuid(), 2)]))).StatusCode);
    }

    /// <summary>An HTTP/1.1 POST that announces <paramref name="length"/> bytes and sends the first <paramref name="sent"/> of them.</summary>
    private async Task<TcpClient> StartSlowPostAsync(string key, long length, int sent)
    {
        var address = host.KestrelAddress!;
        var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port);
        var head = $"POST /v1/events HTTP/1.1\r\nHost: {address.Authority}\r\nAuthorization: Bearer {key}\r\n" +
            $"Content-Type: application/x-ndjson\r\nContent-Length: {length}\r\n\r\n";
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(Encoding.ASCII.GetBytes(new string(' ', sent)));
        await stream.FlushAsync();
        return client;
    }
}
