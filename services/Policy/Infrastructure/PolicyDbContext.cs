using Microsoft.EntityFrameworkCore;
using Whfb.ServiceDefaults.Database;
using Whfb.ServiceDefaults.Outbox;

namespace Whfb.Policy.Infrastructure;

public sealed class PolicyDbContext(DbContextOptions<PolicyDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PolicyDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
    }
}

public sealed class PolicyDesignTimeFactory : NpgsqlDesignTimeFactory<PolicyDbContext>;
