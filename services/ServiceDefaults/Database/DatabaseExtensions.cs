using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Whfb.ServiceDefaults.Health;
using Whfb.ServiceDefaults.Messaging;
using Whfb.ServiceDefaults.Outbox;

namespace Whfb.ServiceDefaults.Database;

public static class DatabaseExtensions
{
    /// <summary>
    /// Registers the service's one DbContext on PostgreSQL, its readiness check, migrations at start-up
    /// (unless disabled), inbox pruning and, with <paramref name="outbox"/>, the outbox and its dispatcher.
    /// </summary>
    /// <param name="outbox">
    /// False for a service that never publishes through the outbox: no <see cref="IOutbox"/> and no dispatcher polling
    /// an always-empty table. The outbox table stays in the model, so migrations do not depend on this.
    /// </param>
    public static IHostApplicationBuilder AddDatabase<TContext>(this IHostApplicationBuilder builder, bool outbox = true)
        where TContext : DbContext
    {
        var serviceName = builder.Services.GetServiceName();
        var connectionString = DatabaseConnection.Resolve(builder.Configuration, serviceName);
        builder.Services.Configure<DatabaseOptions>(builder.Configuration.GetSection(DatabaseOptions.Section));

        var dataSource = new NpgsqlDataSourceBuilder(connectionString).EnableDynamicJson().Build();
        builder.Services.AddSingleton(dataSource);
        builder.Services.AddDbContext<TContext>((sp, options) =>
        {
            options.UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"));
            if (outbox)
            {
                // The interceptors only wake the dispatcher; without an outbox there is nobody to wake.
                options.AddInterceptors(
                    sp.GetRequiredService<OutboxSaveChangesInterceptor>(), sp.GetRequiredService<OutboxCommitInterceptor>());
            }
        });

        builder.Services.AddHealthChecks().AddNpgSql(connectionString, name: "postgres", tags: [HealthEndpoints.ReadyTag]);

        // Migrations run before any other hosted service (the bus, the dispatcher) touches the tables.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, MigrationHostedService<TContext>>());
        builder.AddInboxPruning<TContext>();
        if (outbox)
        {
            builder.AddOutbox<TContext>();
        }

        return builder;
    }
}
