using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;

namespace Whfb.ServiceDefaults.Database;

public static class RunModeExtensions
{
    /// <summary>
    /// <c>migrate</c> as the first argument applies the migrations and exits (production deploys run this as a
    /// job before the new version starts); anything else runs the service.
    /// </summary>
    public static async Task RunOrMigrateAsync<TContext>(this WebApplication app, string[] args)
        where TContext : DbContext
    {
        if (args.Length > 0 && args[0] == "migrate")
        {
            await MigrationHostedService<TContext>.MigrateAsync(app.Services, CancellationToken.None);
            return;
        }

        await app.RunAsync();
    }
}
