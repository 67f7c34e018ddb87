using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Whfb.Policy.Intune;

public static class IntuneExtensions
{
    /// <summary>
    /// Registers <see cref="IIntunePolicyClient"/> and <see cref="IRingMembership"/> over the Graph connection of section
    /// <c>Graph</c> (checked when the host starts). <see cref="IGraphAuditLog"/> and any <see cref="IGraphAccessObserver"/>
    /// are the service's to register.
    /// </summary>
    public static IHostApplicationBuilder AddIntune(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => IntuneConnection.Load(sp.GetRequiredService<IConfiguration>()));
        services.AddTransient<GraphAuditHandler>().AddTransient<IntuneWriteBudget>();
        services.AddSingleton<IntuneGraph>().AddSingleton<GraphAccessGuard>();
        services.AddSingleton<IIntunePolicyClient, IntunePolicyClient>();
        services.AddSingleton<IRingMembership, GraphRingMembership>();
        services.AddHostedService<IntuneStartupCheck>();
        return builder;
    }
}
