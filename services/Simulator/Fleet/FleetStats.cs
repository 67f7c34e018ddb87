namespace Whfb.Simulator.Fleet;

/// <summary>What the fleet did and what the scenario injected: the numbers the summary prints.</summary>
public sealed record FleetStats
{
    public int Devices { get; init; }

    public IReadOnlyList<int> DevicesPerRing { get; init; } = [];

    public int RingsAssigned { get; init; }

    public int PolicyReached { get; init; }

    public int SignedIn { get; init; }

    public int Ready358 { get; init; }

    public int NotReady360 { get; init; }

    public int Registered300 { get; init; }

    public int Failed301 { get; init; }

    public IReadOnlyDictionary<string, int> FailureCodes { get; init; } = new Dictionary<string, int>();

    public int InjectedNotHybridJoined { get; init; }

    public int InjectedNoTpm { get; init; }

    public int InjectedRemoteDesktop { get; init; }

    public int InjectedGpoEnabled { get; init; }

    public int InjectedGpoConflicts { get; init; }

    public int InjectedOutOfSyncScope { get; init; }

    public int InjectedAdminSdHolder { get; init; }

    public int InjectedStalledCycles { get; init; }

    public int InjectedOrphanedKeys { get; init; }

    /// <summary>Per ring, in ring order: devices, policy reached, 358, 360, 300, 301.</summary>
    public IReadOnlyList<RingStats> Rings { get; init; } = [];

    /// <summary>Registered keys whose user is out of scope or AdminSDHolder-protected: expected stuck keys.</summary>
    public int ExpectedStuckKeys { get; init; }

    /// <summary>The users of <see cref="ExpectedStuckKeys"/>, so a summary can match them against a tracker's stuck keys.</summary>
    public IReadOnlyList<string> ExpectedStuckUsers { get; init; } = [];

    /// <summary>The AD account names (CN) that carry an injected orphaned key value.</summary>
    public IReadOnlyList<string> OrphanedKeyAccounts { get; init; } = [];

    /// <summary>Devices whose GPO turns WHfB off against the Intune policy.</summary>
    public IReadOnlyList<string> GpoConflictDevices { get; init; } = [];
}

/// <summary>One ring's share of the funnel, as the devices lived it.</summary>
public sealed record RingStats(string Name, string GroupId, int Devices, int PolicyReached, int Ready358, int NotReady360, int Registered300, int Failed301);
