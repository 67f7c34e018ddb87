using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Whfb.ServiceDefaults;
using Whfb.Simulator.EntraConnect;
using Whfb.Simulator.Graph;
using Whfb.Simulator.Identity;

namespace Whfb.Simulator.Hosting;

/// <summary>Builds the simulator host (Program and tests share it): Kestrel on http and https, Graph and token routes.</summary>
public static class SimulatorApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults("simulator");
        configure?.Invoke(builder);
        builder.AddSimulator();
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapTokenEndpoint();
        app.MapGraphEmulator();
        app.MapAdminApi();
        app.MapEntraConnectApi();
        return app;
    }

    /// <summary>The listening addresses once started (http first, then https).</summary>
    public static IReadOnlyList<Uri> Addresses(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        return addresses.Select(a => new Uri(a.Replace("[::]", "127.0.0.1", StringComparison.Ordinal))).OrderBy(u => u.Scheme == "https").ToList();
    }

    internal static void ListenOn(WebApplicationBuilder builder, SimulatorOptions options, EmulatorCertificate certificate)
    {
        var address = IPAddress.Parse(options.ListenAddress);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(address, options.HttpPort);
            kestrel.Listen(address, options.HttpsPort, listen => listen.UseHttps(certificate.Certificate));
        });
    }
}
