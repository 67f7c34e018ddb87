using Whfb.Insights.Extensions;
using Whfb.Testing;
using Xunit;

namespace Whfb.Insights.Tests.Settings;

public sealed class InsightsOptionsTests
{
    [Theory]
    [InlineData("Insights:MaxBatchSize", "0")]
    [InlineData("Insights:HistoryRetentionMonths", "0")]
    public Task An_invalid_setting_stops_the_start_naming_it(string setting, string value) =>
        OptionsAtStart.RefusesAsync(b => b.AddInsightsOptions(), setting, value);

    [Fact]
    public Task A_zero_webhook_timeout_stops_the_start_naming_it() =>
        OptionsAtStart.RefusesAsync(b => b.AddAlertOptions(), "Insights:Alerts:TimeoutSeconds", "0");

    [Fact]
    public Task An_allowed_network_that_is_no_CIDR_range_stops_the_start_naming_the_list() =>
        OptionsAtStart.RefusesAsync(b => b.AddAlertOptions(), "Insights:Alerts:AllowedNetworks:0", "10.20.0.5/40", "Insights:Alerts:AllowedNetworks");
}
