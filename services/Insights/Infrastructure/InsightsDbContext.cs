using Microsoft.EntityFrameworkCore;
using Whfb.Insights.Model;
using Whfb.ServiceDefaults.Database;
using Whfb.ServiceDefaults.Outbox;

namespace Whfb.Insights.Infrastructure;

public sealed class InsightsDbContext(DbContextOptions<InsightsDbContext> options) : DbContext(options)
{
    public DbSet<HistoryEvent> History => Set<HistoryEvent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(InsightsDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
    }
}

public sealed class InsightsDesignTimeFactory : NpgsqlDesignTimeFactory<InsightsDbContext>;
