using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Whfb.Policy.Intune;
using Whfb.Testing.Graph;

namespace Whfb.Policy.Tests.Intune;

/// <summary>A host with only <c>AddIntune</c> (real SDK, real HTTPS to the emulator), a recording audit log and access observer.</summary>
public sealed class IntuneHost : IAsyncDisposable
{
    private readonly IHost _host;

    private IntuneHost(IHost host) => _host = host;

    public RecordingAuditLog Audit => (RecordingAuditLog)_host.Services.GetRequiredService<IGraphAuditLog>();

    public IIntunePolicyClient Policies => _host.Services.GetRequiredService<IIntunePolicyClient>();

    public IRingMembership Rings => _host.Services.GetRequiredService<IRingMembership>();

    public RecordingAccessObserver Access => (RecordingAccessObserver)_host.Services.GetRequiredService<IGraphAccessObserver>();

    public static async Task<IntuneHost> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddIntune();
        builder.Services.AddSingleton<IGraphAuditLog, RecordingAuditLog>().AddSingleton<IGraphAccessObserver, RecordingAccessObserver>();
        var host = builder.Build();
        await host.StartAsync();
        return new IntuneHost(host);
    }

    public static Task<IntuneHost> StartAsync(GraphEmulator emulator) => StartAsync(emulator.ConnectionSettings());

    public static GraphCaller Caller(string actor = "alice@whfb.test") => new(IntuneEmulator.TenantGuid, actor, Guid.NewGuid());

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
