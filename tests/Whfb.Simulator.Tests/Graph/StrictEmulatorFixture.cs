namespace Whfb.Simulator.Tests.Graph;

/// <summary>The strict profile with a small identity-reports budget (3 per 2 s) so sharing it shows quickly.</summary>
public sealed class StrictEmulatorFixture : GraphEmulatorFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Simulator:Graph:Profile"] = "Strict",
        ["Simulator:Graph:ReportsRequestsPerWindow"] = "3",
        ["Simulator:Graph:ThrottleWindow"] = "00:00:02",
    };
}
