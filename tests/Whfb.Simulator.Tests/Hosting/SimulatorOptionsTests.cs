using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Whfb.Simulator.Hosting;
using Xunit;

namespace Whfb.Simulator.Tests.Hosting;

public sealed class SimulatorOptionsTests
{
    [Fact]
    public void A_listen_address_that_is_no_IP_address_stops_the_start_naming_the_setting()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Builder(("Simulator:ListenAddress", "localhost:5105")).AddSimulator());

        Assert.Contains("Simulator:ListenAddress", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Simulator:Graph:TenantId", "contoso")]
    [InlineData("Simulator:Graph:ThrottleWindow", "00:00:00")]
    [InlineData("Simulator:Fleet:SeedConnections", "0")]
    public async Task An_invalid_emulator_or_fleet_setting_stops_the_start_naming_it(string setting, string value)
    {
        await using var app = Builder(("Simulator:HttpPort", "0"), ("Simulator:HttpsPort", "0"), (setting, value)).AddSimulator().Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    private static WebApplicationBuilder Builder(params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        return builder;
    }
}
