using Whfb.Policy.Intune;

namespace Whfb.Policy.Rollouts;

/// <summary>The body of POST /v1/rollouts; every member nullable so that a missing one is reported by name.</summary>
public sealed record RolloutPlanRequest(string? Name, IntunePolicyMode? Mode, SettingsRequest? Settings, IReadOnlyList<RingRequest?>? Rings);

public sealed record SettingsRequest(bool? UsePassportForWork, bool? RequireSecurityDevice, WhfbScope? Scope);

public sealed record RingRequest(string? Name, Guid? GroupId, GateRequest? Gate);

public sealed record GateRequest(double? MinPrerequisitesPassedShare, double? MaxProvisioningFailureShare, int? MaxStuckKeys, TimeSpan? MinSoak);

/// <summary>A field at fault in a request, named as the client wrote it (<c>rings[1].gate.minSoak</c>).</summary>
public sealed record FieldProblem(string Field, string Message);
