using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using Whfb.Insights.Alerts;

namespace Whfb.Insights.Extensions;

public static class AlertsExtensions
{
    public static IHostApplicationBuilder AddAlerts(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<AlertOptions>(builder.Configuration.GetSection(AlertOptions.Section));
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
}
