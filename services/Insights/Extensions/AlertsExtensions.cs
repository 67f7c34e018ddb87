using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using Whfb.Insights.Alerts;

namespace Whfb.Insights.Extensions;

public static class AlertsExtensions
{
    public static IHostApplicationBuilder AddAlerts(this IHostApplicationBuilder builder)
    {
        builder.AddAlertOptions();
        builder.Services.AddSingleton<WebhookDestinations>();
        builder.Services.AddHttpClient(AlertDispatcher.HttpClientName, (sp, http) =>
                http.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<AlertOptions>>().Value.TimeoutSeconds))
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                // Every connection goes through the destination check, and a redirect could point anywhere.
                ConnectCallback = sp.GetRequiredService<WebhookDestinations>().ConnectAsync,
                AllowAutoRedirect = false,
                UseProxy = false,
            })
            .RemoveAllLoggers()
            .AddWebhookCircuitBreaker();
        builder.Services.AddSingleton<DataProtectionKeys>();
        builder.Services.AddDataProtection().SetApplicationName("whfb-insights");
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = sp.GetRequiredService<DataProtectionKeys>()));
        builder.Services.AddSingleton<WebhookSecrets>();
        builder.Services.AddHostedService<WebhookSecretUpgrade>();
        builder.Services.AddSingleton<WebhookStore>();
        builder.Services.AddSingleton<AlertStore>();
        builder.Services.AddSingleton<AlertDispatcher>();
        builder.Services.AddHostedService<AlertDeliveryService>();
        return builder;
    }

    /// <summary>The <c>Insights:Alerts</c> section, checked when the host starts: a wrong setting stops it, naming the setting.</summary>
    public static IHostApplicationBuilder AddAlertOptions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AlertOptions>().Bind(builder.Configuration.GetSection(AlertOptions.Section))
            .Validate(o => o.PollIntervalMs >= 1, "Insights:Alerts:PollIntervalMs must be at least 1")
            .Validate(o => o.MaxAttempts >= 1, "Insights:Alerts:MaxAttempts must be at least 1")
            .Validate(o => o.FirstBackoffSeconds >= 1 && o.MaxBackoffSeconds >= o.FirstBackoffSeconds,
                "Insights:Alerts:FirstBackoffSeconds must be at least 1 and MaxBackoffSeconds at least FirstBackoffSeconds")
            .Validate(o => o.TimeoutSeconds >= 1, "Insights:Alerts:TimeoutSeconds must be at least 1")
            .Validate(o => o.MaxWebhooksPerTenant >= 1, "Insights:Alerts:MaxWebhooksPerTenant must be at least 1")
            .Validate(o => o.MaxParallelDeliveries >= 1 && o.MaxParallelPerTenant >= 1,
                "Insights:Alerts:MaxParallelDeliveries and MaxParallelPerTenant must be at least 1")
            .Validate(o => o.FoldedGrace >= TimeSpan.Zero && o.FoldSummaryDelay >= TimeSpan.Zero,
                "Insights:Alerts:FoldedGrace and FoldSummaryDelay must not be negative")
            .Validate(o => o.AllowedNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)),
                "Insights:Alerts:AllowedNetworks must be CIDR ranges, e.g. 10.20.0.5/32")
            .ValidateOnStart();
        return builder;
    }
}
