using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace Whfb.Testing;

/// <summary>Starts a bare host with a service's options registration and the given settings, and returns why it refused to start.</summary>
public static class OptionsAtStart
{
    public static async Task<string> FailureAsync(Action<IHostApplicationBuilder> register, IReadOnlyDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(register);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        register(builder);
        using var host = builder.Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        return error.Message;
    }
}
