using Whfb.Simulator.Tenant;

namespace Whfb.Simulator.Fleet;

/// <summary>One simulated Windows device with its single user, traits and injected faults.</summary>
public sealed record FleetDevice
{
    public required int Index { get; init; }

    public required TenantDevice Device { get; init; }

    public required TenantUser User { get; init; }

    public required int Ring { get; init; }

    public bool HybridJoined { get; init; } = true;

    public bool HasTpm { get; init; } = true;

    public bool RemoteDesktop { get; init; }

    /// <summary>GPO enables WHfB by itself (provisions without the Intune policy).</summary>
    public bool GpoEnabled { get; init; }

    /// <summary>GPO configures WHfB off: it wins over Intune, so the device never provisions.</summary>
    public bool GpoConflict { get; init; }

    /// <summary>The 301 error code this device's key registration fails with, if any.</summary>
    public string? FailureCode { get; init; }

    public bool OutOfSyncScope { get; init; }

    public bool AdminSdHolder { get; init; }

    /// <summary>The user's AD object carries an old key value Entra does not know (an orphaned key).</summary>
    public bool OrphanedAdKey { get; init; }

    /// <summary>Seconds after the policy reaches the device until its user signs in.</summary>
    public double SignInDelaySeconds { get; init; }

    public bool PrerequisitesMet => HybridJoined && HasTpm && !RemoteDesktop;

    /// <summary>The CN of the user's AD object in the scenario's OU.</summary>
    public string AdAccountName => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"u{Index:D5}");
}
