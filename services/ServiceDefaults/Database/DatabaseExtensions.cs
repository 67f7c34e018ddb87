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
    /// (unless disabled) and the outbox dispatcher for that context.
    /// </summary>
    public static IHostApplicationBuilder AddDatabase<TContext>(this IHostApplicationBuilder builder)
        where TContext : DbContext
    {
        var serviceName = builder.Services.GetServiceName();
        var connectionString = DatabaseConnection.Resolve(builder.Configuration, serviceName);
        builder.Services.Configure<DatabaseOptions>(builder.Configuration.GetSection(DatabaseOptions.Section));

        var dataSource = new NpgsqlDataSourceBuilder(connectionString).EnableDynamicJson().Build();
        builder.Services.AddSingleton(dataSource);
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxSaveChangesInterceptor>();
        builder.Services.AddSingleton<OutboxCommitInterceptor>();
        builder.Services.AddDbContext<TContext>((sp, options) => options
            .UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .AddInterceptors(
                sp.GetRequiredService<OutboxSaveChangesInterceptor>(), sp.GetRequiredService<OutboxCommitInterceptor>()));

        builder.Services.AddHealthChecks().AddNpgSql(connectionString, name: "postgres", tags: [HealthEndpoints.ReadyTag]);

        // Migrations run before any other hosted service (the bus, the dispatcher) touches the tables.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, MigrationHostedService<TContext>>());
        builder.AddOutbox<TContext>();
        return builder;
    }
}
