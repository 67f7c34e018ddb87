using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Whfb.Policy.Intune;

/// <summary>Fails the host's start with a clear message when the Graph connection settings are missing or wrong.</summary>
internal sealed partial class IntuneStartupCheck(IServiceProvider services, ILogger<IntuneStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var connection = services.GetRequiredService<IntuneConnection>();
        LogConnection(logger, connection.ToString());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Intune through Graph: {Connection}")]
    private static partial void LogConnection(ILogger logger, string connection);
}
