using Whfb.ServiceDefaults.Database;
using Whfb.ServiceDefaults.Messaging;
using Whfb.SyncTracker.Infrastructure;

namespace Whfb.SyncTracker.Extensions;

public static class SyncTrackerExtensions
{
    public static IHostApplicationBuilder AddSyncTracker(this IHostApplicationBuilder builder)
    {
        builder.AddDatabase<SyncTrackerDbContext>();
        builder.AddMessaging();
        return builder;
    }
}
