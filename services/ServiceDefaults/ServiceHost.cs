using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Whfb.ServiceDefaults;

/// <summary>How every WhfbPlatform service's web host is built.</summary>
public static class ServiceHost
{
    /// <summary>
    /// ASP.NET Core's slim builder plus Kestrel's HTTPS endpoint configuration (certificates from configuration, as the
    /// full builder reads them). The full builder also sets up IIS integration, HTTP/3 over QUIC, hosting startup
    /// assemblies and the EventLog/Debug/EventSource log providers: none of these serve a Linux service behind plain
    /// HTTP or Kestrel HTTPS, and their assemblies and start-up code would cost every process resident memory.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.WebHost.UseKestrelHttpsConfiguration();
        return builder;
    }
}
