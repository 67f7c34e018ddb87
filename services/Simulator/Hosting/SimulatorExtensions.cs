using Microsoft.Extensions.Options;
using Whfb.Simulator.EntraConnect;
using Whfb.Simulator.Fleet;
using Whfb.Simulator.Graph;
using Whfb.Simulator.Graph.Delta;
using Whfb.Simulator.Graph.Reports;
using Whfb.Simulator.Graph.Routing;
using Whfb.Simulator.Graph.Throttling;
using Whfb.Simulator.Identity;
using Whfb.Simulator.Intune;
using Whfb.Simulator.Intune.Catalog;
using Whfb.Simulator.Tenant;

namespace Whfb.Simulator.Hosting;

/// <summary>Registers the simulator's parts: tenant model, Graph emulator, token issuer, certificate, Kestrel endpoints.</summary>
public static class SimulatorExtensions
{
    public static WebApplicationBuilder AddSimulator(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Configuration.GetSection(SimulatorOptions.SectionName).Get<SimulatorOptions>() ?? new SimulatorOptions();
        var certificate = new EmulatorCertificate(SelfSignedCertificate.Create(TimeProvider.System));
        if (options.CertificatePemPath is { Length: > 0 } pemPath)
        {
            SelfSignedCertificate.WritePem(certificate.Certificate, pemPath);
        }

        SimulatorApp.ListenOn(builder, options, certificate);
        var services = builder.Services;
        services.AddSingleton(certificate);
        services.Configure<GraphEmulatorOptions>(builder.Configuration.GetSection(GraphEmulatorOptions.SectionName));
        services.AddSingleton<TenantDirectory>().AddSingleton<HelloMethodStore>().AddSingleton<IntuneStore>().AddSingleton<SettingCatalog>()
            .AddSingleton<DeltaTokens>().AddSingleton<RegistrationSnapshot>().AddSingleton<DirectorySyncStatus>();
        services.AddSingleton<EmulatedApps>().AddSingleton<TokenIssuer>().AddSingleton<ClientAssertionCheck>().AddSingleton<GraphThrottle>().AddSingleton<GraphDispatcher>();
        services.Configure<IntuneLimitOptions>(builder.Configuration.GetSection(IntuneLimitOptions.SectionName)).AddSingleton<IntuneThrottle>();
        services.AddSingleton<IGraphApi, UsersApi>().AddSingleton<IGraphApi, UsersDeltaApi>().AddSingleton<IGraphApi, MethodsApi>()
            .AddSingleton<IGraphApi, ReportsApi>().AddSingleton<IGraphApi, GroupsApi>().AddSingleton<IGraphApi, DevicesApi>()
            .AddSingleton<IGraphApi, IntuneApi>().AddSingleton<IGraphApi, SettingDefinitionsApi>().AddSingleton<IGraphApi, ManagedDevicesApi>()
            .AddSingleton<IGraphApi, OrganizationApi>();
        services.Configure<EntraConnectOptions>(builder.Configuration.GetSection(EntraConnectOptions.SectionName));
        services.AddSingleton<SyncFaults>().AddSingleton<SyncEngine>().AddHostedService<SyncSchedulerService>();
        services.Configure<FleetOptions>(builder.Configuration.GetSection(FleetOptions.SectionName));
        services.AddSingleton<FleetStatus>().AddHostedService<FleetRunner>();
        if (builder.Configuration[$"{FleetOptions.SectionName}:Scenario"] is { Length: > 0 } scenario)
        {
            // The scenario's time scale decides how often Entra Connect syncs.
            var cycle = TimeSpan.FromSeconds(ScenarioLoader.Load(scenario).Timing.SyncCycleSeconds);
            services.PostConfigure<EntraConnectOptions>(o => o.CycleInterval = cycle);
        }
        return builder;
    }
}
