using System.Globalization;
using Whfb.Simulator.Graph.Routing;

namespace Whfb.Simulator.Graph.Throttling;

/// <summary>Graph's 429: TooManyRequests body, Retry-After in whole seconds, x-ms-throttle-* headers.</summary>
public static class ThrottledResponse
{
    public static GraphResponse For(TimeSpan retryAfter, ThrottleBucket bucket)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Retry-After"] = seconds.ToString(CultureInfo.InvariantCulture),
            ["x-ms-throttle-limit-percentage"] = "1.0",
            ["x-ms-throttle-scope"] = bucket == ThrottleBucket.Reports ? "Tenant_Application/ReadWrite/Reports" : "Tenant_Application/ReadWrite/_",
            ["x-ms-throttle-information"] = "ResourceUnitLimitExceeded",
        };
        return GraphErrors.Response(429, "TooManyRequests",
            "Too many requests are being made by this application; retry after the delay in Retry-After.", headers);
    }
}
