using Microsoft.Extensions.DependencyInjection;
using Whfb.Simulator.Graph.Permissions;
using Whfb.Simulator.Identity;

namespace Whfb.Policy.Tests.Intune;

/// <summary>
/// The ring tenant for permission tests: each test consents the app to what it should have (tests of a class run one
/// after another), and tokens live under five minutes so the credential fetches one with the new roles for every call.
/// </summary>
public sealed class ConsentIntuneEmulator : IntuneEmulator
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Simulator:Graph:TokenLifetime"] = "00:04:00",
    };

    /// <summary>Every permission some emulated route accepts, except these.</summary>
    public void ConsentAllBut(params string[] missing) =>
        App.Services.GetRequiredService<EmulatedApps>().Consent(ClientId, RoutePermissions.All.Except(missing, StringComparer.OrdinalIgnoreCase));
}
