using Whfb.Insights.Extensions;
using Whfb.Testing;
using Xunit;

namespace Whfb.Insights.Tests.Settings;

public sealed class InsightsOptionsTests
{
    [Theory]
    [InlineData("Insights:MaxBatchSize", "0")]
    [InlineData("Insights:HistoryRetentionMonths", "0")]
    public async Task An_invalid_setting_stops_the_start_naming_it(string setting, string value)
    {
        var message = await OptionsAtStart.FailureAsync(b => b.AddInsightsOptions(), new Dictionary<string, string?> { [setting] = value });

        Assert.Contains(setting, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Insights:Alerts:TimeoutSeconds", "0")]
    [InlineData("Insights:Alerts:AllowedNetworks:0", "10.20.0.5/40")]
    public async Task An_invalid_alert_setting_stops_the_start_naming_it(string setting, string value)
    {
        var message = await OptionsAtStart.FailureAsync(b => b.AddAlertOptions(), new Dictionary<string, string?> { [setting] = value });

        Assert.Contains(setting.Replace(":0", "", StringComparison.Ordinal), message, StringComparison.Ordinal);
    }
}
