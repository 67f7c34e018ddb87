using Microsoft.EntityFrameworkCore;
using Whfb.Ingest.Model;
using Whfb.ServiceDefaults.Database;
using Whfb.ServiceDefaults.Outbox;

namespace Whfb.Ingest.Infrastructure;

public sealed class IngestDbContext(DbContextOptions<IngestDbContext> options) : DbContext(options)
{
    public DbSet<CollectorKey> CollectorKeys => Set<CollectorKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IngestDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
    }
}

public sealed class IngestDesignTimeFactory : NpgsqlDesignTimeFactory<IngestDbContext>;
