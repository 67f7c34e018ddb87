using System.Net;
using System.Net.Sockets;

namespace Whfb.Testing.Directory;

/// <summary>
/// A loopback TCP relay to the directory that keeps what the server sent (to see whether the wire is readable) and can
/// be cut (to lose a connection in the middle of a scan, or play a domain controller that goes down). Also compiled
/// into Whfb.Directory.Tests.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly IPEndPoint _target;
    private readonly List<TcpClient> _clients = [];
    private readonly MemoryStream _fromServer = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    /// <param name="host">The server's host.</param>
    /// <param name="port">The server's port.</param>
    /// <param name="listenPort">The loopback port to listen on; 0 for any free one.</param>
    public TcpRelay(string host, int port, int listenPort = 0)
    {
        _listener = new TcpListener(IPAddress.Loopback, listenPort);
        _target = new IPEndPoint(Dns.GetHostAddresses(host).First(a => a.AddressFamily == AddressFamily.InterNetwork), port);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>A loopback port nothing listens on now (a domain controller that is down, until a relay listens there).</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    /// <summary>Everything the server sent so far, over every connection.</summary>
    public byte[] ServerBytes()
    {
        lock (_fromServer)
        {
            return _fromServer.ToArray();
        }
    }

    /// <summary>Closes the listener and every relayed connection: the client sees its server gone.</summary>
    public void Cut()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_clients)
        {
            _clients.ForEach(c => c.Dispose());
        }
    }

    public async ValueTask DisposeAsync()
    {
        Cut();
        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
        _fromServer.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            var server = new TcpClient();
            await server.ConnectAsync(_target, _stop.Token);
            lock (_clients)
            {
                _clients.AddRange([client, server]);
            }

            _ = PumpAsync(client.GetStream(), server.GetStream(), null);
            _ = PumpAsync(server.GetStream(), client.GetStream(), _fromServer);
        }
    }

    private static void HalfClose(NetworkStream to)
    {
        try
        {
            to.Socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already closed by the cut.
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, MemoryStream? record)
    {
        var buffer = new byte[16384];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
            {
                if (record is not null)
                {
                    lock (record)
                    {
                        record.Write(buffer, 0, read);
                    }
                }

                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // The relay was cut or a side closed: the other side sees the connection end.
        }
        finally
        {
            HalfClose(to);
        }
    }
}
