namespace Whfb.Simulator.Tests.Graph;

/// <summary>
/// The test tenant for permission tests: each test consents the app to what it needs (tests of a class run one after
/// another), and tokens live under five minutes so the credential asks for a new one, with the new roles, every call.
/// </summary>
public sealed class PermissionsEmulatorFixture : GraphEmulatorFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Simulator:Graph:TokenLifetime"] = "00:04:00",
    };

    public void Consent(params string[] permissions) =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Whfb.Simulator.Identity.EmulatedApps>(App.Services).Consent(ClientId, permissions);
}
