namespace Whfb.Policy.Tests.Intune;

/// <summary>
/// The ring tenant for permission tests: each test consents the app to what it should have (<see cref="Testing.Graph.GraphEmulator.ConsentAllBut"/>;
/// tests of a class run one after another), and tokens live under five minutes so every call carries the current roles.
/// </summary>
public sealed class ConsentIntuneEmulator : IntuneEmulator
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Simulator:Graph:TokenLifetime"] = "00:04:00",
    };
}
