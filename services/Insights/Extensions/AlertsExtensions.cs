using Microsoft.Extensions.Options;
using Whfb.Insights.Alerts;

namespace Whfb.Insights.Extensions;

public static class AlertsExtensions
{
    public static IHostApplicationBuilder AddAlerts(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<AlertOptions>(builder.Configuration.GetSection(AlertOptions.Section));
        builder.Services.AddHttpClient(AlertDispatcher.HttpClientName, (sp, http) =>
            http.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<AlertOptions>>().Value.TimeoutSeconds));
        builder.Services.AddSingleton<WebhookStore>();
        builder.Services.AddSingleton<AlertStore>();
        builder.Services.AddSingleton<AlertDispatcher>();
        builder.Services.AddHostedService<AlertDeliveryService>();
        return builder;
    }
}
