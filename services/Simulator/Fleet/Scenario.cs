namespace Whfb.Simulator.Fleet;

/// <summary>
/// A scenario file (Scenarios/*.json): tenant size, rings, fault mix, timing and seed. The same file and seed
/// always build the same fleet and the same fault assignment.
/// </summary>
public sealed record Scenario
{
    public required string Name { get; init; }

    public int Seed { get; init; } = 1;

    public int Devices { get; init; } = 100;

    /// <summary>Rollout rings: security groups, by share of the fleet, assigned in order.</summary>
    public IReadOnlyList<RingDefinition> Rings { get; init; } = [new("Ring 1", 1.0)];

    /// <summary>Whether ring groups hold the users (default) or their PCs' Entra device objects.</summary>
    public RingMembers RingMembers { get; init; } = RingMembers.Users;

    public FaultMix Faults { get; init; } = new();

    public ScenarioTiming Timing { get; init; } = new();

    /// <summary>Create the users in AD (one OU per scenario) so the Entra Connect emulator can export their keys.</summary>
    public bool SeedDirectory { get; init; }
}

public sealed record RingDefinition(string Name, double Share);

/// <summary>What a ring group's members are: users (the policy reaches their PCs through them) or the PCs themselves.</summary>
public enum RingMembers
{
    Users,
    Devices,
}

/// <summary>Shares of devices (0..1) with each trait or fault; provisioning failures use the documented codes.</summary>
public sealed record FaultMix
{
    public double NotHybridJoined { get; init; }

    public double NoTpm { get; init; }

    public double RemoteDesktop { get; init; }

    /// <summary>Devices where GPO enables WHfB on its own (no Intune needed).</summary>
    public double GpoEnabled { get; init; }

    /// <summary>Devices where a GPO sets WHfB off: GPO wins over the Intune policy, so they never provision.</summary>
    public int GpoConflicts { get; init; }

    public double ProvisioningFailure { get; init; }

    public IReadOnlyList<string> FailureCodes { get; init; } = ["0x801C03ED", "0x801C044D", "0x801C03EA", "0x801C000E"];

    /// <summary>Users outside Entra Connect's sync scope: their keys never reach AD (stuck keys).</summary>
    public double OutOfSyncScope { get; init; }

    /// <summary>Users protected by AdminSDHolder (adminCount=1): export fails with 8344 every cycle.</summary>
    public int AdminSdHolderUsers { get; init; }

    /// <summary>Users whose AD object starts with a stale key value no Entra key matches (orphaned keys).</summary>
    public int OrphanedKeys { get; init; }

    /// <summary>
    /// Entra Connect exports at most this many keys per cycle for the whole run (0 = no limit): a slow export (a throttled
    /// DC, a large ring) that keeps flowing while a backlog builds up.
    /// </summary>
    public int SlowExport { get; init; }

    /// <summary>Scheduler disabled for this many cycles, from <see cref="ScenarioTiming.StallAfterSeconds"/> on, once keys are being registered.</summary>
    public int StalledSchedulerCycles { get; init; }
}

/// <summary>Wall-clock timing (the demo's time scale: seconds stand for the real rollout's hours).</summary>
public sealed record ScenarioTiming
{
    public double SyncCycleSeconds { get; init; } = 10;

    /// <summary>Seconds between ring assignments in --assign-rings mode (ring 1 at 0).</summary>
    public double RingIntervalSeconds { get; init; } = 40;

    /// <summary>An Intune assignment reaches a device at its next MDM check-in, this many seconds later.</summary>
    public double PolicyCheckInSeconds { get; init; }

    /// <summary>A device's user signs in within this many seconds after the policy reaches it.</summary>
    public double SignInSpreadSeconds { get; init; } = 30;

    /// <summary>The scheduler stall goes in at the first fleet step past this in which devices registered keys (<see cref="StallTrigger"/>).</summary>
    public double StallAfterSeconds { get; init; } = 60;

    public double DurationSeconds { get; init; } = 180;

    /// <summary>Past the duration, devices keep reporting while a rollout still reaches rings, at most this long (default 2 × duration).</summary>
    public double? MaxDurationSeconds { get; init; }
}
