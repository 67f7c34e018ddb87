using Microsoft.EntityFrameworkCore;
using Whfb.ServiceDefaults.Database;
using Whfb.ServiceDefaults.Outbox;

namespace Whfb.SyncTracker.Infrastructure;

public sealed class SyncTrackerDbContext(DbContextOptions<SyncTrackerDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SyncTrackerDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
    }
}

public sealed class SyncTrackerDesignTimeFactory : NpgsqlDesignTimeFactory<SyncTrackerDbContext>;
