using Whfb.Policy.Infrastructure;
using Whfb.ServiceDefaults.Database;
using Whfb.ServiceDefaults.Messaging;

namespace Whfb.Policy.Extensions;

public static class PolicyExtensions
{
    public static IHostApplicationBuilder AddPolicy(this IHostApplicationBuilder builder)
    {
        builder.AddDatabase<PolicyDbContext>();
        builder.AddMessaging();
        return builder;
    }
}
