namespace Whfb.Contracts.Policy;

/// <summary>A ring's health gate, evaluated from telemetry.</summary>
public sealed record GateVerdict(
    bool Passed,
    int Devices,
    double PrerequisitesPassedShare,
    double ProvisioningFailureShare,
    int StuckKeys,
    TimeSpan Soaked,
    IReadOnlyList<string> Reasons);
