using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Whfb.ServiceDefaults.Outbox;

public static class OutboxRegistration
{
    internal static IHostApplicationBuilder AddOutbox<TContext>(this IHostApplicationBuilder builder)
        where TContext : DbContext
    {
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxSaveChangesInterceptor>();
        builder.Services.AddSingleton<OutboxCommitInterceptor>();
        builder.Services.AddScoped<IOutbox, EfOutbox<TContext>>();
        builder.Services.AddScoped<OutboxPublisher<TContext>>();
        builder.Services.AddHostedService<OutboxDispatcher<TContext>>();
        return builder;
    }

    /// <summary>Inbox pruning runs in every service with a database; it stops at once when the model has no inbox.</summary>
    internal static IHostApplicationBuilder AddInboxPruning<TContext>(this IHostApplicationBuilder builder)
        where TContext : DbContext
    {
        builder.Services.Configure<OutboxOptions>(builder.Configuration.GetSection(OutboxOptions.Section));
        builder.Services.AddScoped<InboxPruner<TContext>>();
        builder.Services.AddHostedService<InboxPruneService<TContext>>();
        return builder;
    }
}
