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
        var section = builder.Configuration.GetSection(SimulatorOptions.SectionName);
        var options = section.Get<SimulatorOptions>() ?? new SimulatorOptions();
        // Kestrel's endpoints are set from these now, before the host starts: checked here already, and again on start.
        var validation = new SimulatorOptionsValidation();
        if (validation.Validate(null, options) is { Failed: true } failed)
        {
            throw new OptionsValidationException(SimulatorOptions.SectionName, typeof(SimulatorOptions), failed.Failures);
        }

        builder.Services.AddSingleton<IValidateOptions<SimulatorOptions>>(validation);
        builder.Services.AddOptions<SimulatorOptions>().Bind(section).ValidateOnStart();
        var certificate = new EmulatorCertificate(SelfSignedCertificate.Create(TimeProvider.System));
        if (options.CertificatePemPath is { Length: > 0 } pemPath)
        {
            SelfSignedCertificate.WritePem(certificate.Certificate, pemPath);
        }

        SimulatorApp.ListenOn(builder, options, certificate);
        var services = builder.Services;
        services.AddSingleton(certificate);
        services.AddOptions<GraphEmulatorOptions>().Bind(builder.Configuration.GetSection(GraphEmulatorOptions.SectionName))
            .Validate(o => Guid.TryParse(o.TenantId, out _), "Simulator:Graph:TenantId must be a GUID")
            .Validate(o => o.RequestsPerWindow >= 1 && o.ReportsRequestsPerWindow >= 1,
                "Simulator:Graph:RequestsPerWindow and ReportsRequestsPerWindow must be at least 1")
            .Validate(o => o.ThrottleWindow > TimeSpan.Zero, "Simulator:Graph:ThrottleWindow must be positive")
            .Validate(o => o.TokenLifetime > TimeSpan.Zero && o.DeltaTokenLifetime > TimeSpan.Zero,
                "Simulator:Graph:TokenLifetime and DeltaTokenLifetime must be positive")
            .Validate(o => o.RegistrationReportRefresh >= TimeSpan.Zero, "Simulator:Graph:RegistrationReportRefresh must not be negative")
            .ValidateOnStart();
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
        services.AddOptions<FleetOptions>().Bind(builder.Configuration.GetSection(FleetOptions.SectionName))
            .Validate(o => o.StepInterval > TimeSpan.Zero, "Simulator:Fleet:StepInterval must be positive")
            .Validate(o => o.SeedConnections >= 1, "Simulator:Fleet:SeedConnections must be at least 1")
            .Validate(o => o.IngestUrl is null || o.IngestUrl.Scheme is "http" or "https", "Simulator:Fleet:IngestUrl must be an http(s) URL")
            .ValidateOnStart();
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
