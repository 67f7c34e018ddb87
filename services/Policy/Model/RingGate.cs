namespace Whfb.Policy.Model;

/// <summary>What a ring must show before the next one is targeted.</summary>
public sealed record RingGate(double MinPrerequisitesPassedShare, double MaxProvisioningFailureShare, int MaxStuckKeys, TimeSpan MinSoak);
