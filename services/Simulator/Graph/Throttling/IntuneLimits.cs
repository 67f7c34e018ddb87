using Whfb.Simulator.Graph.Routing;

namespace Whfb.Simulator.Graph.Throttling;

/// <summary>Which Intune service's limits a route falls under, and whether it is a write there.</summary>
public static class IntuneLimits
{
    /// <summary>The bucket of a route: Intune's for deviceManagement and managedDevices routes, otherwise <see cref="ThrottleBucket.Default"/>.</summary>
    public static ThrottleBucket BucketOf(string method, string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var write = !string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase);
        return template.Contains("managedDevices", StringComparison.OrdinalIgnoreCase)
            ? write ? ThrottleBucket.IntuneDevicesWrite : ThrottleBucket.IntuneDevices
            : template.StartsWith("deviceManagement/", StringComparison.OrdinalIgnoreCase)
                ? write ? ThrottleBucket.IntuneConfigurationWrite : ThrottleBucket.IntuneConfiguration
                : ThrottleBucket.Default;
    }

    public static bool Covers(ThrottleBucket bucket) => bucket is ThrottleBucket.IntuneConfiguration or ThrottleBucket.IntuneConfigurationWrite
        or ThrottleBucket.IntuneDevices or ThrottleBucket.IntuneDevicesWrite;

    public static bool IsWrite(ThrottleBucket bucket) => bucket is ThrottleBucket.IntuneConfigurationWrite or ThrottleBucket.IntuneDevicesWrite;

    public static bool IsDevices(ThrottleBucket bucket) => bucket is ThrottleBucket.IntuneDevices or ThrottleBucket.IntuneDevicesWrite;
}
