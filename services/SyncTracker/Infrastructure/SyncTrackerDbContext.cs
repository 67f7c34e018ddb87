using Microsoft.EntityFrameworkCore;
using Whfb.ServiceDefaults.Database;
using Whfb.ServiceDefaults.Outbox;

namespace Whfb.SyncTracker.Infrastructure;

public sealed class SyncTrackerDbContext(DbContextOptions<SyncTrackerDbContext> options) : DbContext(options)
{
    /// <summary>
    /// Statements per command when saving. A scan page saves about 1,000 users and their keys; in one command (EF's
    /// default) its SQL text, builder chunks and parameter maps are each larger than 85 kB, so every save left
    /// large-object-heap garbage that only a gen2 collection frees, and it piled up into the service's peak. At 50
    /// rows the pieces stay on the small-object heap and die young; the save is still one transaction.
    /// </summary>
    public const int SaveBatchSize = 50;

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.UseNpgsql(npgsql => npgsql.MaxBatchSize(SaveBatchSize));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SyncTrackerDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
    }
}

public sealed class SyncTrackerDesignTimeFactory : NpgsqlDesignTimeFactory<SyncTrackerDbContext>;
