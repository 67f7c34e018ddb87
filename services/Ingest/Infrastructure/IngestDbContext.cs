using Microsoft.EntityFrameworkCore;
using Whfb.ServiceDefaults.Database;
using Whfb.ServiceDefaults.Outbox;

namespace Whfb.Ingest.Infrastructure;

public sealed class IngestDbContext(DbContextOptions<IngestDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IngestDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
    }
}

public sealed class IngestDesignTimeFactory : NpgsqlDesignTimeFactory<IngestDbContext>;
