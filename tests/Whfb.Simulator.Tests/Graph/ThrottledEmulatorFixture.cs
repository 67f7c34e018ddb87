namespace Whfb.Simulator.Tests.Graph;

/// <summary>The emulator with a tiny budget (4 requests per 2 s, reports 2) so throttling shows quickly.</summary>
public sealed class ThrottledEmulatorFixture : GraphEmulatorFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Simulator:Graph:RequestsPerWindow"] = "4",
        ["Simulator:Graph:ReportsRequestsPerWindow"] = "2",
        ["Simulator:Graph:ThrottleWindow"] = "00:00:02",
    };
}
