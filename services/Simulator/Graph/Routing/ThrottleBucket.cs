namespace Whfb.Simulator.Graph.Routing;

/// <summary>Which request budget a route draws from.</summary>
public enum ThrottleBucket
{
    Default,

    /// <summary>reports/authenticationMethods: 5 requests per 10 s per app in the real service.</summary>
    Reports,

    /// <summary>Intune device configuration / config v2 reads and writes, and Intune devices reads and writes (<see cref="Throttling.IntuneThrottle"/>).</summary>
    IntuneConfiguration,
    IntuneConfigurationWrite,
    IntuneDevices,
    IntuneDevicesWrite,
}
