using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Whfb.ServiceDefaults.Database;
using Whfb.ServiceDefaults.Outbox;

namespace Whfb.Policy.Infrastructure;

public sealed partial class PolicyDbContext(DbContextOptions<PolicyDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PolicyDbContext).Assembly);
        NameColumnsInSnakeCase(modelBuilder);
        modelBuilder.AddOutboxAndInbox();
    }

    /// <summary>RolloutId → rollout_id for this service's own entities; the xmin concurrency tokens keep their name.</summary>
    private static void NameColumnsInSnakeCase(ModelBuilder modelBuilder)
    {
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()).Where(p => !p.IsConcurrencyToken))
        {
            property.SetColumnName(UpperAfterLower().Replace(property.Name, "$1_$2").ToLowerInvariant());
        }
    }

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex UpperAfterLower();
}

public sealed class PolicyDesignTimeFactory : NpgsqlDesignTimeFactory<PolicyDbContext>;
