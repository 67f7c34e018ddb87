using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Whfb.ServiceDefaults.Database;

/// <summary>Applies pending EF Core migrations (creating the database if needed) before the service starts.</summary>
internal sealed partial class MigrationHostedService<TContext>(
    IServiceProvider services, IOptions<DatabaseOptions> options, ILogger<MigrationHostedService<TContext>> logger)
    : IHostedService
    where TContext : DbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStartup)
        {
            return;
        }

        await MigrateAsync(services, cancellationToken);
        LogMigrated(logger, typeof(TContext).Name);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await db.Database.MigrateAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database of {Context} is at the latest migration")]
    private static partial void LogMigrated(ILogger logger, string context);
}
