using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Whfb.Insights.Alerts;

/// <summary>
/// Where a webhook may post: not to this host, the cloud's metadata address, or the internal network (loopback,
/// link-local, private, carrier-grade NAT, unique-local, multicast, reserved ranges), unless an operator allow-listed
/// the range (<see cref="AlertOptions.AllowedNetworks"/>) or loopback (<see cref="AlertOptions.AllowLoopback"/>, the
/// demo's and tests' local receivers). A tenant admin sets the URL, so Insights must not become their way in.
/// </summary>
public sealed class WebhookDestinations(IOptions<AlertOptions> options)
{
    private static readonly IPNetwork[] Internal = [.. new[]
    {
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
        "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/3",
        "::/128", "::1/128", "64:ff9b::/96", "100::/64", "2001:db8::/32", "fc00::/7", "fe80::/10", "ff00::/8",
    }.Select(n => IPNetwork.Parse(n))];

    private static readonly IPNetwork[] Loopback = [IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")];

    public bool Allows(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var ip = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        var settings = options.Value;
        return (settings.AllowLoopback && Loopback.Any(n => n.Contains(ip)))
            || settings.AllowedNetworks.Any(n => IPNetwork.TryParse(n, out var allowed) && allowed.Contains(ip))
            || !Internal.Any(n => n.Contains(ip));
    }

    /// <summary>The URL's problem for an admin, or null: https (http only to loopback where allowed), no userinfo, no internal literal address.</summary>
    public string? Problem(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return "an absolute https URL is required";
        }

        var loopbackHost = uri.IsLoopback;
        if (uri.Scheme == "http" && !(loopbackHost && options.Value.AllowLoopback))
        {
            return "the URL must use https (http is allowed only to a loopback receiver, with Insights:Alerts:AllowLoopback)";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "credentials in the URL are not allowed: put them in the path the receiver gives you, or use the signature";
        }

        return IPAddress.TryParse(uri.IdnHost, out var literal) && !Allows(literal)
            ? $"{literal} is an internal address (loopback, link-local, private or reserved): allow-list its range in Insights:Alerts:AllowedNetworks if it is meant"
            : loopbackHost && !options.Value.AllowLoopback ? "a loopback host is not allowed" : null;
    }

    /// <summary>Connects to the first resolved address that is allowed, so a name that resolves inward (or is rebound) is refused.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endpoint = context.DnsEndPoint;
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        var target = addresses.FirstOrDefault(Allows)
            ?? throw new HttpRequestException($"Webhook host {endpoint.Host} resolves only to internal addresses, which webhooks may not reach");
        var socket = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(target, endpoint.Port), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
