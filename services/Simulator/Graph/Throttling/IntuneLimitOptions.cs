namespace Whfb.Simulator.Graph.Throttling;

/// <summary>
/// Section <c>Simulator:Graph:Intune</c>: Intune's request limits per service, from Microsoft Graph's throttling limits
/// (each within <see cref="Window"/>; per app per tenant, and per tenant for all apps together).
/// </summary>
public sealed class IntuneLimitOptions
{
    public const string SectionName = "Simulator:Graph:Intune";

    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Device configuration (deviceConfigurations) and device config v2 (configurationPolicies, configurationSettings).</summary>
    public IntuneServiceLimits Configuration { get; set; } = new() { WritesPerApp = 100, WritesPerTenant = 200, RequestsPerApp = 1000, RequestsPerTenant = 2000 };

    /// <summary>Intune devices (managedDevices).</summary>
    public IntuneServiceLimits Devices { get; set; } = new() { WritesPerApp = 200, WritesPerTenant = 400, RequestsPerApp = 2000, RequestsPerTenant = 4000 };
}

/// <summary>One Intune service's limits: POST, PUT, PATCH and DELETE count as writes, and every request counts as a request.</summary>
public sealed class IntuneServiceLimits
{
    public int WritesPerApp { get; set; }

    public int WritesPerTenant { get; set; }

    public int RequestsPerApp { get; set; }

    public int RequestsPerTenant { get; set; }
}
