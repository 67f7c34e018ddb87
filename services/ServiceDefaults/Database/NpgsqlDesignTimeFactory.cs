using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Whfb.ServiceDefaults.Database;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build a service's context without starting the service.
/// Each service declares a one-line subclass in its Infrastructure folder.
/// </summary>
public abstract class NpgsqlDesignTimeFactory<TContext> : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TContext>()
            .UseNpgsql("Host=127.0.0.1;Database=design_time_only", n => n.MigrationsHistoryTable("__ef_migrations_history"))
            .Options;
        return (TContext)Activator.CreateInstance(typeof(TContext), options)!;
    }
}
