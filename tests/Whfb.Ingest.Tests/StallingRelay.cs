using System.Net;
using System.Net.Sockets;

namespace Whfb.Ingest.Tests;

/// <summary>
/// A TCP relay between Ingest and RabbitMQ that can stop passing bytes on, in both directions: the broker then stalls
/// as one behind a saturated link or under a resource alarm does (no confirms, no errors) while its connection stays
/// open. Resuming passes on what was held back.
/// </summary>
public sealed class StallingRelay : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly List<TcpClient> connections = [];
    private TaskCompletionSource flowing = Flowing();
    private Uri? target;

    public StallingRelay()
    {
        listener.Start();
        _ = AcceptAsync();
    }

    /// <summary>The AMQP connection string that reaches <paramref name="amqp"/>'s broker through this relay.</summary>
    public string Through(string amqp)
    {
        target = new Uri(amqp);
        return new UriBuilder(target) { Host = "127.0.0.1", Port = ((IPEndPoint)listener.LocalEndpoint).Port }.Uri.ToString();
    }

    public void Stall()
    {
        lock (connections)
        {
            if (flowing.Task.IsCompleted)
                flowing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Resume()
    {
        lock (connections)
        {
            flowing.TrySetResult();
        }
    }

    private Task Gate()
    {
        lock (connections)
        {
            return flowing.Task;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        Resume();
        listener.Stop();
        lock (connections)
        {
            connections.ForEach(c => c.Dispose());
        }

        stop.Dispose();
    }

    private static TaskCompletionSource Flowing()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token);
                var broker = new TcpClient();
                await broker.ConnectAsync(target!.Host, target.Port, stop.Token);
                lock (connections)
                {
                    connections.AddRange([client, broker]);
                }

                _ = PumpAsync(client.GetStream(), broker.GetStream());
                _ = PumpAsync(broker.GetStream(), client.GetStream());
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // the relay stops
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, stop.Token)) > 0)
            {
                await Gate().WaitAsync(stop.Token);
                await to.WriteAsync(buffer.AsMemory(0, read), stop.Token);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // a side closed, or the relay stops
        }
    }
}
