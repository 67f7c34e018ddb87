using Microsoft.EntityFrameworkCore;
using Whfb.ServiceDefaults.Database;
using Whfb.ServiceDefaults.Outbox;

namespace Whfb.Insights.Infrastructure;

public sealed class InsightsDbContext(DbContextOptions<InsightsDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(InsightsDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
    }
}

public sealed class InsightsDesignTimeFactory : NpgsqlDesignTimeFactory<InsightsDbContext>;
