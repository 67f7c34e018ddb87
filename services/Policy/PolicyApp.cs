namespace Whfb.Policy;

/// <summary>Marker for tests that host this service (WebApplicationFactory needs a type from its assembly).</summary>
public sealed class PolicyApp;
