namespace Whfb.Simulator.Fleet;

/// <summary>The running fleet's latest numbers and, at the end, its summary (GET /admin/fleet).</summary>
public sealed class FleetStatus
{
    public string State { get; set; } = "idle";

    public FleetStats? Stats { get; set; }

    public string? Summary { get; set; }
}
