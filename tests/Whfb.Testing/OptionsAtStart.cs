using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace Whfb.Testing;

/// <summary>A bare host with a service's options registration and one setting: it must refuse to start, naming the setting.</summary>
public static class OptionsAtStart
{
    /// <param name="register">The service's options registration.</param>
    /// <param name="setting">The configuration key, e.g. Policy:GateInterval (a list item as Section:List:0).</param>
    /// <param name="value">Its invalid value.</param>
    /// <param name="named">What the message must name, when not the key itself (a list's name rather than its item).</param>
    public static async Task RefusesAsync(Action<IHostApplicationBuilder> register, string setting, string value, string? named = null)
    {
        ArgumentNullException.ThrowIfNull(register);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection([KeyValuePair.Create(setting, (string?)value)]);
        register(builder);
        using var host = builder.Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(named ?? setting, error.Message, StringComparison.Ordinal);
    }
}
