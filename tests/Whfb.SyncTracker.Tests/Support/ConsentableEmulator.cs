using Microsoft.Extensions.DependencyInjection;
using Whfb.Simulator.Identity;
using Whfb.Testing.Graph;

namespace Whfb.SyncTracker.Tests.Support;

/// <summary>
/// The emulator whose app consent a test changes while SyncTracker runs: tokens live under five minutes, so the service's
/// credential asks for a new one (with the new roles) at every call, as a real app sees a grant with its next token.
/// </summary>
public class ConsentableEmulator(params string[] permissions) : GraphEmulator
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Simulator:Graph:TokenLifetime"] = "00:04:00",
    };

    public void Consent(params string[] granted) => App.Services.GetRequiredService<EmulatedApps>().Consent(ClientId, granted);

    protected override void Seed(Simulator.Tenant.TenantDirectory directory, Simulator.Tenant.HelloMethodStore methods) => Consent(permissions);
}
