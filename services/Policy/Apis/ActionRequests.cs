namespace Whfb.Policy.Apis;

/// <summary>Optional body of POST …/advance: a justification overrides a gate that has not passed.</summary>
public sealed record AdvanceRequest(string? Justification);

/// <summary>Body of POST …/abort.</summary>
public sealed record AbortRequest(string? Reason);
