using System.Text.Json.Serialization;

namespace Whfb.Simulator.Fleet;

/// <summary>
/// The running fleet's latest numbers and, at the end, its summary (GET /admin/fleet); the ring groups a rollout
/// plan needs (GET /admin/tenant); and the start signal (POST /admin/fleet/start) when the fleet waits for one.
/// </summary>
public sealed class FleetStatus
{
    private readonly TaskCompletionSource _start = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>idle, seeding, ready (waiting for the start signal), running, finished, failed.</summary>
    public string State { get; set; } = "idle";

    public string? Scenario { get; set; }

    public IReadOnlyList<RingGroup> Rings { get; set; } = [];

    public string? Seeding { get; set; }

    /// <summary>How the devices enrolled with Ingest before the run (null without Ingest).</summary>
    public string? Enrollment { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public double? DurationSeconds { get; set; }

    public FleetStats? Stats { get; set; }

    public string? Summary { get; set; }

    public string? Error { get; set; }

    [JsonIgnore]
    public Task Started => _start.Task;

    /// <summary>Lets a waiting fleet run; false when it was already started.</summary>
    public bool Start() => _start.TrySetResult();
}

/// <summary>A rollout ring's security group in the emulated tenant.</summary>
public sealed record RingGroup(int Index, string Name, string GroupId, int Devices);
